import type { InputHTMLAttributes } from "react";
import { FieldError } from "@/components/forms/field-error";

type Props = {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  defaultValue?: string;
  /** Numbers (national ID, mobile, codes) read left to right even in a Persian page. */
  ltr?: boolean;
} & Pick<InputHTMLAttributes<HTMLInputElement>, "type" | "inputMode" | "autoComplete" | "maxLength" | "required" | "spellCheck">;

export function TextField({ name, label, hint, error, defaultValue, ltr, type = "text", ...input }: Props) {
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
      <FieldError field={name} error={error} />
      <input
        id={name}
        name={name}
        type={type}
        defaultValue={defaultValue}
        dir={ltr ? "ltr" : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        className={`block min-h-12 w-full max-w-md rounded border-2 bg-white px-3 text-lg ${
          error ? "border-danger" : "border-ink"
        } ${ltr ? "text-start [unicode-bidi:plaintext]" : ""}`}
        {...input}
      />
    </div>
  );
}
