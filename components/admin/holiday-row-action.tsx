"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/schemas/form-state";

const TONES = {
  danger: "border-danger text-danger hover:bg-red-50",
  brand: "border-brand-700 text-brand-700 hover:bg-brand-50",
} as const;

/** One button acting on one holiday (delete, confirm); a failure is shown beside it. */
export function HolidayRowAction({
  action,
  holidayId,
  year,
  label,
  holidayLabel,
  tone,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  holidayId: string;
  year: number;
  label: string;
  /** Read by screen readers after the label, so that each button names its holiday. */
  holidayLabel: string;
  tone: keyof typeof TONES;
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
        className={`min-h-11 rounded border-2 px-4 font-bold aria-disabled:opacity-70 ${TONES[tone]}`}
      >
        {label}
        <span className="sr-only"> {holidayLabel}</span>
      </button>
      {state.formError ? (
        <p role="alert" className="mt-1 font-bold text-danger">
          {state.formError}
        </p>
      ) : null}
    </form>
  );
}
