"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import type { FormState } from "@/lib/schemas/form-state";

/** The code the principal received, typed by the helper. */
export function MandateConsentForm({ action }: { action: (state: FormState, formData: FormData) => Promise<FormState> }) {
  const [state, formAction] = useActionState(action, { values: {}, fieldErrors: {} });
  return (
    <form action={formAction} noValidate className="space-y-6">
      <ErrorSummary fieldErrors={state.fieldErrors} formError={state.formError} fieldOrder={["code"]} />
      <TextField
        name="code"
        label="کد تأیید"
        hint="کد شش‌رقمی که به شماره همراه او پیامک شد."
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={10}
        ltr
        defaultValue={state.values.code ?? ""}
        error={state.fieldErrors.code}
      />
      <SubmitButton>تأیید نمایندگی</SubmitButton>
    </form>
  );
}
