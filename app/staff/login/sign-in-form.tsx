"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { PasswordField } from "@/components/forms/password-field";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import { emptyFormState } from "@/lib/schemas/form-state";
import { staffSignInAction, type StaffSignInField } from "./actions";

export function StaffSignInForm() {
  const [state, action] = useActionState(staffSignInAction, emptyFormState<StaffSignInField>());
  return (
    <form action={action} noValidate className="space-y-6">
      <ErrorSummary fieldErrors={state.fieldErrors} formError={state.formError} fieldOrder={["personnelCode", "password"]} />
      <TextField
        name="personnelCode"
        label="کد پرسنلی"
        inputMode="numeric"
        autoComplete="username"
        maxLength={12}
        ltr
        defaultValue={state.values.personnelCode}
        error={state.fieldErrors.personnelCode}
      />
      <PasswordField name="password" label="گذرواژه" autoComplete="current-password" error={state.fieldErrors.password} />
      <SubmitButton>ورود</SubmitButton>
    </form>
  );
}
