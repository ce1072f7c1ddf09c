"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { PasswordField } from "@/components/forms/password-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { emptyFormState } from "@/lib/schemas/form-state";
import { citizenSignInAction, type CitizenSignInField } from "./actions";

export function CitizenSignInForm() {
  const [state, action] = useActionState(citizenSignInAction, emptyFormState<CitizenSignInField>());
  return (
    <form action={action} noValidate className="space-y-6">
      <ErrorSummary fieldErrors={state.fieldErrors} formError={state.formError} fieldOrder={["nationalId", "password"]} />
      <TextField
        name="nationalId"
        label="کد ملی"
        hint="ده رقم، بدون فاصله"
        inputMode="numeric"
        autoComplete="username"
        maxLength={14}
        ltr
        defaultValue={state.values.nationalId}
        error={state.fieldErrors.nationalId}
      />
      <PasswordField name="password" label="گذرواژه" autoComplete="current-password" error={state.fieldErrors.password} />
      <SubmitButton>ورود</SubmitButton>
    </form>
  );
}
