"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SubmitButton } from "@/components/forms/submit-button";
import type { FormState } from "@/lib/schemas/form-state";
import { FieldError } from "@/components/forms/field-error";

/** A branch head hands the request to a colleague (or to themselves). */
export function AssignForm({
  action,
  version,
  colleagues,
  currentId,
}: {
  action: (state: FormState<"assignee">, formData: FormData) => Promise<FormState<"assignee">>;
  version: string;
  colleagues: { id: string; name: string; isHead: boolean }[];
  currentId: string | null;
}) {
  const [state, formAction] = useActionState(action, { values: {}, fieldErrors: {} });
  const error = state.fieldErrors.assignee;
  return (
    <form action={formAction} noValidate className="space-y-3">
      <ErrorSummary fieldErrors={state.fieldErrors} formError={state.formError} fieldOrder={["assignee"]} />
      <input type="hidden" name="version" value={version} />
      <div className={`space-y-1 ${error ? "border-s-4 border-danger ps-3" : ""}`}>
        <label htmlFor="assignee" className="block font-bold">
          واگذاری به
        </label>
        <FieldError field="assignee" error={error} />
        <select
          id="assignee"
          name="assignee"
          defaultValue={state.values.assignee ?? ""}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "assignee-error" : undefined}
          className="block min-h-12 w-full max-w-md rounded border-2 border-ink bg-white px-3"
        >
          <option value="">انتخاب کنید</option>
          {colleagues.map((c) => (
            <option key={c.id} value={c.id} disabled={c.id === currentId}>
              {c.name}
              {c.isHead ? " (رئیس شعبه)" : ""}
              {c.id === currentId ? " — کارشناس فعلی" : ""}
            </option>
          ))}
        </select>
      </div>
      <SubmitButton>واگذاری</SubmitButton>
    </form>
  );
}
