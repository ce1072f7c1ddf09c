"use client";

import { useFormStatus } from "react-dom";

/** While the form's files are on their way: a progress bar and a calm sentence, announced once. */
export function UploadStatus() {
  const { pending } = useFormStatus();
  return (
    <div aria-live="polite">
      {pending ? (
        <div className="space-y-1">
          <p className="font-bold">در حال ارسال مدارک… لطفاً صفحه را نبندید.</p>
          <progress className="h-3 w-full max-w-md" aria-label="ارسال مدارک" />
        </div>
      ) : null}
    </div>
  );
}
