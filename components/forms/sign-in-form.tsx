"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/schemas/form-state";
import { ErrorSummary } from "./error-summary";
import { PasswordField } from "./password-field";
import { SubmitButton } from "./submit-button";
import { TextField } from "./text-field";

/** Sign-in with an identifier (national ID or personnel code) and a password. */
export function SignInForm({
  action,
  id,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  id: { name: string; label: string; hint?: string; maxLength: number };
}) {
  const [state, formAction] = useActionState(action, { values: {}, fieldErrors: {} });
  return (
    <form action={formAction} noValidate className="space-y-6">
      <ErrorSummary fieldErrors={state.fieldErrors} formError={state.formError} fieldOrder={[id.name, "password"]} />
      <TextField
        name={id.name}
        label={id.label}
        hint={id.hint}
        inputMode="numeric"
        autoComplete="username"
        maxLength={id.maxLength}
        ltr
        defaultValue={state.values[id.name]}
        error={state.fieldErrors[id.name]}
      />
      <PasswordField name="password" label="گذرواژه" autoComplete="current-password" error={state.fieldErrors.password} />
      <SubmitButton>ورود</SubmitButton>
    </form>
  );
}
