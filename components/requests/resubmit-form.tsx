"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SubmitButton } from "@/components/forms/submit-button";
import type { FormState } from "@/lib/schemas/form-state";
import { FieldError } from "@/components/forms/field-error";

const SLOTS = [
  { name: "document1", label: "مدرک اول" },
  { name: "document2", label: "مدرک دوم (اختیاری)" },
  { name: "document3", label: "مدرک سوم (اختیاری)" },
];

export function ResubmitForm({ action }: { action: (state: FormState, formData: FormData) => Promise<FormState> }) {
  const [state, formAction] = useActionState(action, { values: {}, fieldErrors: {} });
  return (
    <form action={formAction} noValidate className="space-y-4">
      <ErrorSummary fieldErrors={state.fieldErrors} formError={state.formError} fieldOrder={[...SLOTS.map((s) => s.name), "note"]} />
      {SLOTS.map((slot) => {
        const error = state.fieldErrors[slot.name];
        return (
          <div key={slot.name} className={`space-y-1 ${error ? "border-s-4 border-danger ps-3" : ""}`}>
            <label htmlFor={slot.name} className="block font-bold">
              {slot.label}
            </label>
            <FieldError field={slot.name} error={error} />
            <input
              id={slot.name}
              name={slot.name}
              type="file"
              accept="application/pdf,image/jpeg,image/png"
              aria-describedby={["resubmit-hint", error ? `${slot.name}-error` : null].filter(Boolean).join(" ")}
              aria-invalid={error ? true : undefined}
              className="block min-h-11 w-full max-w-md text-base file:me-3 file:min-h-11 file:rounded file:border-2 file:border-brand-700 file:bg-white file:px-4 file:font-bold file:text-brand-700"
            />
          </div>
        );
      })}
      <p id="resubmit-hint" className="text-muted">
        هر فایل PDF، JPEG یا PNG تا ۵ مگابایت. اگر خطایی نمایش داده شد، فایل‌ها را دوباره انتخاب کنید.
      </p>
      <div className="space-y-1">
        <label htmlFor="note" className="block font-bold">
          توضیح برای کارشناس (اختیاری)
        </label>
        <textarea
          id="note"
          name="note"
          rows={3}
          maxLength={1000}
          defaultValue={state.values.note ?? ""}
          className="block w-full rounded border-2 border-ink bg-white p-3"
        />
      </div>
      <SubmitButton>ارسال مدارک و ادامه بررسی</SubmitButton>
    </form>
  );
}
