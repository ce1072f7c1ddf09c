"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import type { FormState } from "@/lib/schemas/form-state";
import { MandateTermsFields } from "./mandate-terms-fields";
import { FieldError } from "@/components/forms/field-error";

const FIELD_ORDER = ["helperNationalId", "principalNationalId", "scopes", "months", "seenDocuments"];

/** «ثبت نمایندگی در شعبه»: who acts for whom, what, how long, and that both were seen. */
export function MandateAtBranchForm({ action }: { action: (state: FormState, formData: FormData) => Promise<FormState> }) {
  const [state, formAction] = useActionState(action, { values: {}, fieldErrors: {} });
  const error = state.fieldErrors;
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
      <MandateTermsFields
        values={state.values}
        error={error}
        legends={{ scopes: "کارهایی که نماینده انجام می‌دهد", months: "مدت نمایندگی" }}
        defaultMonths="12"
      />
      <div className={`space-y-1 ${error.seenDocuments ? "border-s-4 border-danger ps-3" : ""}`}>
        <FieldError field="seenDocuments" error={error.seenDocuments} />
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
