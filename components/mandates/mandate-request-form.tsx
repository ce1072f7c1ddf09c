"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import type { FormState } from "@/lib/schemas/form-state";
import { MandateTermsFields } from "./mandate-terms-fields";

const FIELD_ORDER = ["principalNationalId", "scopes", "months"];

/** «درخواست نمایندگی»: whose file, which tasks, for how long. */
export function MandateRequestForm({ action }: { action: (state: FormState, formData: FormData) => Promise<FormState> }) {
  const [state, formAction] = useActionState(action, { values: {}, fieldErrors: {} });
  const error = state.fieldErrors;
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
      <MandateTermsFields
        values={state.values}
        error={error}
        legends={{ scopes: "چه کارهایی را برای او انجام می‌دهید؟", months: "تا چه مدت؟" }}
        defaultMonths="3"
      />
      <SubmitButton>فرستادن کد تأیید برای او</SubmitButton>
    </form>
  );
}
