"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/schemas/form-state";
import { ErrorSummary } from "./error-summary";
import { SubmitButton } from "./submit-button";
import { TextField } from "./text-field";

export type StepField = {
  name: string;
  label: string;
  hint?: string;
  inputMode?: "numeric" | "text" | "email" | "tel";
  autoComplete?: string;
  maxLength?: number;
  ltr?: boolean;
  type?: "text" | "email" | "tel";
};

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/**
 * A form of text fields posted to a server action: works as a plain form post
 * without JavaScript; with it, submits in place. Errors come back with what
 * was typed, in an error summary and beside each field.
 */
export function StepForm({
  action,
  fields,
  initialValues = {},
  submitLabel,
  children,
}: {
  action: Action;
  fields: StepField[];
  initialValues?: Partial<Record<string, string>>;
  submitLabel: string;
  children?: React.ReactNode;
}) {
  const [state, formAction] = useActionState(action, { values: initialValues, fieldErrors: {} });
  return (
    <form action={formAction} noValidate className="space-y-6">
      <ErrorSummary fieldErrors={state.fieldErrors} formError={state.formError} fieldOrder={fields.map((f) => f.name)} />
      {state.notice ? (
        <p role="status" className="rounded border-2 border-success p-4 font-bold">
          {state.notice}
        </p>
      ) : null}
      {fields.map((field) => (
        <TextField
          key={field.name}
          name={field.name}
          label={field.label}
          hint={field.hint}
          type={field.type}
          inputMode={field.inputMode}
          autoComplete={field.autoComplete}
          maxLength={field.maxLength}
          ltr={field.ltr}
          spellCheck={false}
          defaultValue={state.values[field.name] ?? ""}
          error={state.fieldErrors[field.name]}
        />
      ))}
      {children}
      <SubmitButton>{submitLabel}</SubmitButton>
    </form>
  );
}
