"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/schemas/form-state";

/** The delete button of one holiday; a failure is shown beside it. */
export function DeleteHolidayForm({
  action,
  holidayId,
  year,
  holidayLabel,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  holidayId: string;
  year: number;
  /** Read by screen readers after «حذف», so that each button names its holiday. */
  holidayLabel: string;
}) {
  const [state, formAction, pending] = useActionState(action, { values: {}, fieldErrors: {} });
  return (
    <form action={formAction}>
      <input type="hidden" name="id" value={holidayId} />
      <input type="hidden" name="year" value={year} />
      <button
        type="submit"
        aria-disabled={pending}
        onClick={(event) => {
          if (pending) event.preventDefault();
        }}
        className="min-h-11 rounded border-2 border-danger px-4 font-bold text-danger hover:bg-red-50 aria-disabled:opacity-70"
      >
        حذف<span className="sr-only"> {holidayLabel}</span>
      </button>
      {state.formError ? (
        <p role="alert" className="mt-1 font-bold text-danger">
          {state.formError}
        </p>
      ) : null}
    </form>
  );
}
