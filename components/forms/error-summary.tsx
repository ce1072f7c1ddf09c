"use client";

import { useEffect, useId, useRef } from "react";

/**
 * GOV.UK-style error summary: listed at the top, linked to each field, and
 * focused when it appears so screen readers announce it.
 */
export function ErrorSummary({
  fieldErrors,
  formError,
  fieldOrder,
}: {
  fieldErrors: Partial<Record<string, string>>;
  formError?: string;
  fieldOrder: readonly string[];
}) {
  const ref = useRef<HTMLDivElement>(null);
  const entries = fieldOrder.flatMap((field) => (fieldErrors[field] ? [[field, fieldErrors[field]!] as const] : []));
  const hasErrors = entries.length > 0 || Boolean(formError);
  const titleId = useId();
  // Focused when a submission's answer brings errors (a new state object), not on every render.
  useEffect(() => {
    if (hasErrors) ref.current?.focus();
  }, [hasErrors, fieldErrors, formError]);
  if (!hasErrors) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby={titleId}
      className="mb-6 border-4 border-danger p-4"
    >
      <h2 id={titleId} className="mb-2 text-lg font-bold">
        مشکلی وجود دارد
      </h2>
      <ul className="space-y-1">
        {formError ? <li className="font-bold text-danger">{formError}</li> : null}
        {entries.map(([field, message]) => (
          <li key={field}>
            <a href={`#${field}`} className="font-bold text-danger">
              {message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
