"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/schemas/form-state";
import type { PasswordPersonalInfo } from "@/lib/utils/password-rules";
import { ErrorSummary } from "./error-summary";
import { NewPasswordFields } from "./new-password-fields";
import { PasswordField } from "./password-field";
import { SubmitButton } from "./submit-button";

export function ChangePasswordForm({
  action,
  personal,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  personal: PasswordPersonalInfo;
}) {
  const [state, formAction] = useActionState(action, { values: {}, fieldErrors: {} });
  return (
    <form action={formAction} noValidate className="space-y-6">
      <ErrorSummary
        fieldErrors={state.fieldErrors}
        formError={state.formError}
        fieldOrder={["currentPassword", "password", "passwordConfirm"]}
      />
      <PasswordField name="currentPassword" label="گذرواژه فعلی" autoComplete="current-password" error={state.fieldErrors.currentPassword} />
      <NewPasswordFields personal={personal} passwordError={state.fieldErrors.password} confirmError={state.fieldErrors.passwordConfirm} />
      <SubmitButton>تغییر گذرواژه</SubmitButton>
    </form>
  );
}
