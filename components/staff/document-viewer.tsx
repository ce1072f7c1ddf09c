"use client";

import { PdfFrame } from "@/components/staff/pdf-frame";
import { toPersianDigits } from "@/lib/utils/digits";

/** A document shown inside the review page: images as images, PDFs in the browser's viewer, a download link for each. */
export function DocumentViewer({ href, fileName, label, mimeType, sizeBytes }: { href: string; fileName: string; label: string; mimeType: string; sizeBytes: number }) {
  const size = `${toPersianDigits(Math.max(1, Math.round(sizeBytes / 1024)))} کیلوبایت`;
  return (
    <figure className="space-y-2 rounded border border-brand-100 p-3">
      <figcaption>
        <strong className="block">{label}</strong>
        <span className="text-sm text-muted">
          {fileName} ({size}) ·{" "}
          <a href={`${href}?download=1`} download={fileName}>
            دریافت فایل<span className="sr-only"> {label}</span>
          </a>
          {mimeType === "application/pdf" ? (
            <>
              {" · "}
              <a href={href}>
                نمایش در اندازه کامل<span className="sr-only"> {label}</span>
              </a>
            </>
          ) : null}
        </span>
      </figcaption>
      {mimeType === "application/pdf" ? (
        <PdfFrame src={href} title={`${label}: ${fileName}`} label={label} />
      ) : (
        // eslint-disable-next-line @next/next/no-img-element -- a private, per-request file; next/image would cache it
        <img src={href} alt={`${label}: ${fileName}`} className="max-h-[32rem] w-auto max-w-full border border-brand-100" />
      )}
    </figure>
  );
}
