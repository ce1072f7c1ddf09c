"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import type { FormState } from "@/lib/schemas/form-state";
import { FieldError } from "@/components/forms/field-error";

const FIELD_ORDER = ["domain", "subject", "body", "attachment", "submissionId"];

export function QuestionForm({
  action,
  submissionId,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  submissionId: string;
}) {
  const [state, formAction] = useActionState(action, { values: { submissionId }, fieldErrors: {} });
  const error = state.fieldErrors;
  const describedBy = (name: string, hint?: boolean) =>
    [hint ? `${name}-hint` : null, error[name] ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;

  return (
    <form action={formAction} noValidate className="space-y-6">
      <ErrorSummary fieldErrors={error} formError={state.formError} fieldOrder={FIELD_ORDER} />
      <input type="hidden" name="submissionId" value={state.values.submissionId ?? submissionId} />

      <fieldset className={`space-y-2 ${error.domain ? "border-s-4 border-danger ps-3" : ""}`} aria-describedby={describedBy("domain", true)}>
        <legend className="text-lg font-bold">حوزه پرسش</legend>
        <p id="domain-hint" className="text-muted">
          پاسخ پرسش‌های بیمه‌ای حداکثر تا ۳ روز کاری و پرسش‌های درمانی حداکثر تا ۷ روز کاری داده می‌شود.
        </p>
        <FieldError field="domain" error={error.domain} />
        {[
          { value: "INSURANCE", label: "بیمه‌ای (سابقه، حق بیمه، مستمری، نام‌نویسی)" },
          { value: "MEDICAL", label: "درمانی (دفترچه، هزینه‌های درمان، بیمارستان)" },
        ].map((option, index) => (
          <label key={option.value} className="flex min-h-11 items-center gap-3">
            <input
              type="radio"
              name="domain"
              id={index === 0 ? "domain" : undefined}
              value={option.value}
              defaultChecked={state.values.domain === option.value}
              className="size-6"
            />
            {option.label}
          </label>
        ))}
      </fieldset>

      <TextField
        name="subject"
        label="موضوع"
        hint="در چند کلمه: دست‌کم ۵ و حداکثر ۱۲۰ نویسه."
        maxLength={120}
        defaultValue={state.values.subject ?? ""}
        error={error.subject}
      />

      <div className={`space-y-1 ${error.body ? "border-s-4 border-danger ps-3" : ""}`}>
        <label htmlFor="body" className="block text-lg font-bold">
          متن پرسش یا درخواست
        </label>
        <p id="body-hint" className="text-muted">
          دست‌کم ۲۰ و حداکثر ۴۰۰۰ نویسه. موضوع را کامل بنویسید؛ اگر به سند یا نامه‌ای اشاره می‌کنید، شماره و تاریخ آن را هم
          بنویسید.
        </p>
        <FieldError field="body" error={error.body} />
        <textarea
          id="body"
          name="body"
          rows={8}
          maxLength={4000}
          defaultValue={state.values.body ?? ""}
          aria-invalid={error.body ? true : undefined}
          aria-describedby={describedBy("body", true)}
          className={`block w-full rounded border-2 bg-white p-3 text-lg ${error.body ? "border-danger" : "border-ink"}`}
        />
      </div>

      <div className={`space-y-1 ${error.attachment ? "border-s-4 border-danger ps-3" : ""}`}>
        <label htmlFor="attachment" className="block text-lg font-bold">
          پیوست (اختیاری)
        </label>
        <p id="attachment-hint" className="text-muted">
          یک فایل PDF، JPEG یا PNG تا ۵ مگابایت. اگر خطایی نمایش داده شد، فایل را دوباره انتخاب کنید.
        </p>
        <FieldError field="attachment" error={error.attachment} />
        <input
          id="attachment"
          name="attachment"
          type="file"
          accept="application/pdf,image/jpeg,image/png"
          aria-invalid={error.attachment ? true : undefined}
          aria-describedby={describedBy("attachment", true)}
          className="block min-h-11 w-full max-w-md text-base file:me-3 file:min-h-11 file:rounded file:border-2 file:border-brand-700 file:bg-white file:px-4 file:font-bold file:text-brand-700"
        />
      </div>

      <SubmitButton>ثبت پرسش</SubmitButton>
    </form>
  );
}
