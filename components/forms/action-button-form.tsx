"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/schemas/form-state";
import { ErrorSummary } from "./error-summary";
import { SubmitButton } from "./submit-button";

/** A form that is only a button (confirm, submit), with room for a form-level error. */
export function ActionButtonForm({
  action,
  label,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  label: string;
}) {
  const [state, formAction] = useActionState(action, { values: {}, fieldErrors: {} });
  return (
    <form action={formAction} className="space-y-4">
      <ErrorSummary fieldErrors={{}} formError={state.formError} fieldOrder={[]} />
      <SubmitButton>{label}</SubmitButton>
    </form>
  );
}
