"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/schemas/form-state";
import type { PasswordPersonalInfo } from "@/lib/utils/password-rules";
import { ErrorSummary } from "./error-summary";
import { NewPasswordFields } from "./new-password-fields";
import { SubmitButton } from "./submit-button";

export function NewPasswordForm({
  action,
  personal,
  submitLabel,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  personal: PasswordPersonalInfo;
  submitLabel: string;
}) {
  const [state, formAction] = useActionState(action, { values: {}, fieldErrors: {} });
  return (
    <form action={formAction} noValidate className="space-y-6">
      <ErrorSummary fieldErrors={state.fieldErrors} formError={state.formError} fieldOrder={["password", "passwordConfirm"]} />
      <NewPasswordFields personal={personal} passwordError={state.fieldErrors.password} confirmError={state.fieldErrors.passwordConfirm} />
      <SubmitButton>{submitLabel}</SubmitButton>
    </form>
  );
}
