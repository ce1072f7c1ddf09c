"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { MANDATE_MONTHS, MANDATE_SCOPE_LABELS, MANDATE_SCOPES } from "@/lib/domain/mandates";
import type { FormState } from "@/lib/schemas/form-state";
import { toPersianDigits } from "@/lib/utils/digits";

const FIELD_ORDER = ["principalNationalId", "scopes", "months"];

/** «درخواست نمایندگی»: whose file, which tasks, for how long. */
export function MandateRequestForm({ action }: { action: (state: FormState, formData: FormData) => Promise<FormState> }) {
  const [state, formAction] = useActionState(action, { values: {}, fieldErrors: {} });
  const error = state.fieldErrors;
  const chosenScopes = (state.values.scopes ?? "VIEW").split(",");
  const errorText = (name: string) =>
    error[name] ? (
      <p id={`${name}-error`} className="font-bold text-danger">
        <span className="sr-only">خطا: </span>
        {error[name]}
      </p>
    ) : null;
  return (
    <form action={formAction} noValidate className="space-y-6">
      <ErrorSummary fieldErrors={error} formError={state.formError} fieldOrder={FIELD_ORDER} />
      <TextField
        name="principalNationalId"
        label="کد ملی کسی که می‌خواهید برایش کار کنید"
        hint="برای نمونه پدر یا مادرتان. او باید در سامانه حساب کاربری داشته باشد؛ کد تأیید به شماره همراه ثبت‌شده او پیامک می‌شود."
        inputMode="numeric"
        maxLength={14}
        ltr
        defaultValue={state.values.principalNationalId ?? ""}
        error={error.principalNationalId}
      />
      <fieldset className={`space-y-2 ${error.scopes ? "border-s-4 border-danger ps-3" : ""}`} aria-describedby={error.scopes ? "scopes-error" : undefined}>
        <legend className="text-lg font-bold">چه کارهایی را برای او انجام می‌دهید؟</legend>
        {errorText("scopes")}
        {MANDATE_SCOPES.map((scope, index) => (
          <label key={scope} className="flex min-h-11 items-center gap-3">
            <input type="checkbox" name="scopes" value={scope} id={index === 0 ? "scopes" : undefined} defaultChecked={chosenScopes.includes(scope)} className="size-6" />
            {MANDATE_SCOPE_LABELS[scope]}
          </label>
        ))}
      </fieldset>
      <fieldset className={`space-y-2 ${error.months ? "border-s-4 border-danger ps-3" : ""}`} aria-describedby={error.months ? "months-error" : undefined}>
        <legend className="text-lg font-bold">تا چه مدت؟</legend>
        {errorText("months")}
        {MANDATE_MONTHS.map((months, index) => (
          <label key={months} className="flex min-h-11 items-center gap-3">
            <input
              type="radio"
              name="months"
              value={months}
              id={index === 0 ? "months" : undefined}
              defaultChecked={(state.values.months ?? "3") === String(months)}
              className="size-6"
            />
            {months === 12 ? "یک سال" : `${toPersianDigits(months)} ماه`}
          </label>
        ))}
      </fieldset>
      <SubmitButton>فرستادن کد تأیید برای او</SubmitButton>
    </form>
  );
}
