"use client";

import { useEffect, useId, useRef } from "react";

/**
 * GOV.UK-style error summary: listed at the top, linked to each field, and
 * focused when it appears so screen readers announce it. `reasons` are lines
 * that belong to no one field (the rules a dependent did not meet), listed
 * under the form's error.
 */
export function ErrorSummary({
  fieldErrors,
  formError,
  reasons = [],
  fieldOrder,
}: {
  fieldErrors: Partial<Record<string, string>>;
  formError?: string;
  reasons?: readonly string[];
  fieldOrder: readonly string[];
}) {
  const ref = useRef<HTMLDivElement>(null);
  const entries = fieldOrder.flatMap((field) => (fieldErrors[field] ? [[field, fieldErrors[field]!] as const] : []));
  const hasErrors = entries.length > 0 || Boolean(formError) || reasons.length > 0;
  const titleId = useId();
  const reasonsText = reasons.join("\n");
  // Focused when a submission's answer brings errors (a new state object), not on every render.
  useEffect(() => {
    if (hasErrors) ref.current?.focus();
  }, [hasErrors, fieldErrors, formError, reasonsText]);
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
        {reasons.length > 0 ? (
          <li>
            <ul className="my-2 list-disc space-y-1 ps-6">
              {reasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          </li>
        ) : null}
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
