"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { MANDATE_MONTHS, MANDATE_SCOPE_LABELS, MANDATE_SCOPES } from "@/lib/domain/mandates";
import type { FormState } from "@/lib/schemas/form-state";
import { toPersianDigits } from "@/lib/utils/digits";

const FIELD_ORDER = ["helperNationalId", "principalNationalId", "scopes", "months", "seenDocuments"];

/** «ثبت نمایندگی در شعبه»: who acts for whom, what, how long, and that both were seen. */
export function MandateAtBranchForm({ action }: { action: (state: FormState, formData: FormData) => Promise<FormState> }) {
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
      {state.notice ? (
        <p role="status" className="border-s-4 border-success bg-brand-50 p-4 font-bold">
          {state.notice}
        </p>
      ) : null}
      <TextField
        name="principalNationalId"
        label="کد ملی بیمه‌شده یا مستمری‌بگیر (کسی که نماینده می‌گیرد)"
        inputMode="numeric"
        maxLength={14}
        ltr
        defaultValue={state.values.principalNationalId ?? ""}
        error={error.principalNationalId}
      />
      <TextField
        name="helperNationalId"
        label="کد ملی نماینده"
        inputMode="numeric"
        maxLength={14}
        ltr
        defaultValue={state.values.helperNationalId ?? ""}
        error={error.helperNationalId}
      />
      <fieldset className={`space-y-2 ${error.scopes ? "border-s-4 border-danger ps-3" : ""}`} aria-describedby={error.scopes ? "scopes-error" : undefined}>
        <legend className="text-lg font-bold">کارهایی که نماینده انجام می‌دهد</legend>
        {errorText("scopes")}
        {MANDATE_SCOPES.map((scope, index) => (
          <label key={scope} className="flex min-h-11 items-center gap-3">
            <input type="checkbox" name="scopes" value={scope} id={index === 0 ? "scopes" : undefined} defaultChecked={chosenScopes.includes(scope)} className="size-6" />
            {MANDATE_SCOPE_LABELS[scope]}
          </label>
        ))}
      </fieldset>
      <fieldset className={`space-y-2 ${error.months ? "border-s-4 border-danger ps-3" : ""}`} aria-describedby={error.months ? "months-error" : undefined}>
        <legend className="text-lg font-bold">مدت نمایندگی</legend>
        {errorText("months")}
        {MANDATE_MONTHS.map((months, index) => (
          <label key={months} className="flex min-h-11 items-center gap-3">
            <input type="radio" name="months" value={months} id={index === 0 ? "months" : undefined} defaultChecked={(state.values.months ?? "12") === String(months)} className="size-6" />
            {months === 12 ? "یک سال" : `${toPersianDigits(months)} ماه`}
          </label>
        ))}
      </fieldset>
      <div className={`space-y-1 ${error.seenDocuments ? "border-s-4 border-danger ps-3" : ""}`}>
        {errorText("seenDocuments")}
        <label className="flex min-h-11 items-center gap-3 font-bold">
          <input
            type="checkbox"
            name="seenDocuments"
            id="seenDocuments"
            defaultChecked={state.values.seenDocuments === "on"}
            aria-describedby={error.seenDocuments ? "seenDocuments-error" : undefined}
            className="size-6"
          />
          هر دو نفر اینجا هستند و کارت ملی یا شناسنامه هر دو را دیدم.
        </label>
      </div>
      <SubmitButton>ثبت نمایندگی</SubmitButton>
    </form>
  );
}
