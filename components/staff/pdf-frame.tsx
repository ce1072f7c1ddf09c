"use client";

import { useState } from "react";

/**
 * A PDF shown inside the review page when asked for. Chromium's PDF viewer takes the
 * focus once it has loaded, wherever the person was (tests/e2e/keyboard-staff.spec.ts
 * found a keyboard user's focus pulled into a frame that shows none, and the decision
 * forms skipped); loaded only on request, it takes the focus of someone who wants to
 * read the document. The link beside it opens the PDF in the browser's own viewer.
 */
export function PdfFrame({ src, title, label }: { src: string; title: string; label: string }) {
  const [shown, setShown] = useState(false);
  if (shown) return <iframe src={src} title={title} className="h-[32rem] w-full border border-brand-100" />;
  return (
    <button
      type="button"
      onClick={() => setShown(true)}
      className="min-h-11 rounded border-2 border-brand-700 px-4 font-bold text-brand-700 hover:bg-brand-50"
    >
      پیش‌نمایش در همین صفحه<span className="sr-only"> {label}</span>
    </button>
  );
}
