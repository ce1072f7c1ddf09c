"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { NewPasswordFields } from "@/components/forms/new-password-fields";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import type { FormState } from "@/lib/schemas/form-state";
import type { PasswordPersonalInfo } from "@/lib/utils/password-rules";

export function AccountStepForm({
  action,
  personal,
  initialEmail,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  personal: PasswordPersonalInfo;
  initialEmail: string;
}) {
  const [state, formAction] = useActionState(action, { values: { email: initialEmail }, fieldErrors: {} });
  return (
    <form action={formAction} noValidate className="space-y-6">
      <ErrorSummary
        fieldErrors={state.fieldErrors}
        formError={state.formError}
        fieldOrder={["email", "password", "passwordConfirm"]}
      />
      <TextField
        name="email"
        label="پست الکترونیک (اختیاری)"
        hint="برای دریافت اطلاعیه‌ها؛ می‌توانید خالی بگذارید."
        type="email"
        inputMode="email"
        autoComplete="email"
        maxLength={254}
        ltr
        spellCheck={false}
        defaultValue={state.values.email ?? ""}
        error={state.fieldErrors.email}
      />
      <NewPasswordFields
        personal={personal}
        passwordError={state.fieldErrors.password}
        confirmError={state.fieldErrors.passwordConfirm}
      />
      <SubmitButton>مرحله بعد</SubmitButton>
    </form>
  );
}
