"use client";

import { useState, useSyncExternalStore, type ReactNode } from "react";
import { FieldError } from "@/components/forms/field-error";

const noSubscription = () => () => {};

/** A password input with a "show password" toggle (the toggle appears only once JavaScript runs). */
export function PasswordField({
  name,
  label,
  hint,
  error,
  autoComplete,
  describedBy,
  onValueChange,
  children,
}: {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  autoComplete: "current-password" | "new-password";
  /** Ids of further descriptions (such as password rules rendered as `children`), read after the hint. */
  describedBy?: string;
  /** Called on every edit; the input stays uncontrolled so it also works before hydration. */
  onValueChange?: (value: string) => void;
  /** Shown between the hint and the error, e.g. a list of rules. */
  children?: ReactNode;
}) {
  const [visible, setVisible] = useState(false);
  // False in the server HTML (no JavaScript yet), true once hydrated.
  const enhanced = useSyncExternalStore(noSubscription, () => true, () => false);
  const hintId = hint ? `${name}-hint` : undefined;
  const errorId = error ? `${name}-error` : undefined;
  return (
    <div className={`space-y-1 ${error ? "border-s-4 border-danger ps-3" : ""}`}>
      <label htmlFor={name} className="block text-lg font-bold">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="text-muted">
          {hint}
        </p>
      ) : null}
      {children}
      <FieldError field={name} error={error} />
      <div className="flex max-w-md gap-2">
        <input
          id={name}
          name={name}
          type={visible ? "text" : "password"}
          autoComplete={autoComplete}
          dir="ltr"
          maxLength={128}
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={[hintId, describedBy, errorId].filter(Boolean).join(" ") || undefined}
          onChange={onValueChange ? (event) => onValueChange(event.currentTarget.value) : undefined}
          className={`block min-h-12 w-full rounded border-2 bg-white px-3 text-lg ${error ? "border-danger" : "border-ink"}`}
        />
        {enhanced ? (
          <button
            type="button"
            aria-controls={name}
            aria-pressed={visible}
            onClick={() => setVisible((v) => !v)}
            className="min-h-12 shrink-0 rounded border-2 border-brand-700 px-3 font-bold text-brand-700"
          >
            نمایش گذرواژه
          </button>
        ) : null}
      </div>
    </div>
  );
}
