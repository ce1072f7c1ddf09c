"use client";

import { useFormStatus } from "react-dom";
import { toPersianDigits } from "@/lib/utils/digits";
import type { UploadProgress } from "./use-upload-ahead";

/**
 * While the form's files are on their way: a progress bar and a calm sentence.
 * With `progress` (files sent ahead by JavaScript) the bar shows how much has
 * gone; otherwise, while the form posts, it is indeterminate.
 */
export function UploadStatus({ progress }: { progress?: UploadProgress | null }) {
  const { pending } = useFormStatus();
  const sending = progress && progress.loaded < progress.total;
  const percent = progress && progress.total > 0 ? Math.floor((progress.loaded / progress.total) * 100) : 0;
  return (
    <div aria-live="polite">
      {sending ? (
        <div className="space-y-1">
          <p className="font-bold">در حال ارسال مدارک… لطفاً صفحه را نبندید.</p>
          <progress className="h-3 w-full max-w-md" aria-label="ارسال مدارک" value={progress.loaded} max={progress.total} />
          <p className="text-sm">{toPersianDigits(percent)}٪ ارسال شد</p>
        </div>
      ) : pending || progress ? (
        <div className="space-y-1">
          <p className="font-bold">در حال ثبت درخواست… لطفاً صفحه را نبندید.</p>
          <progress className="h-3 w-full max-w-md" aria-label="ثبت درخواست" />
        </div>
      ) : null}
    </div>
  );
}
