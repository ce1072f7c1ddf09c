"use client";

import { useActionState } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SubmitButton } from "@/components/forms/submit-button";
import type { FormState } from "@/lib/schemas/form-state";
import { IRANIAN_WEEK_ORDER, WEEKDAY_NAMES_FA } from "@/lib/utils/working-days";
import { FieldError } from "@/components/forms/field-error";

const FIELD = "weekendDays";

/** Checkboxes for the weekly closing days, Saturday first; values are JS weekday numbers. */
export function WeekendDaysForm({
  action,
  weekendDays,
  year,
}: {
  action: (state: FormState<typeof FIELD>, formData: FormData) => Promise<FormState<typeof FIELD>>;
  weekendDays: readonly number[];
  year: number;
}) {
  const [state, formAction] = useActionState(action, { values: { [FIELD]: weekendDays.join(",") }, fieldErrors: {} });
  const checked = new Set((state.values[FIELD] ?? "").split(",").filter(Boolean).map(Number));
  const error = state.fieldErrors[FIELD];
  return (
    <form action={formAction} noValidate className="space-y-6">
      <ErrorSummary fieldErrors={state.fieldErrors} formError={state.formError} fieldOrder={[FIELD]} />
      <input type="hidden" name="year" value={year} />
      <fieldset
        aria-describedby={["weekend-hint", error ? "weekend-error" : ""].filter(Boolean).join(" ")}
        className={`space-y-2 ${error ? "border-s-4 border-danger ps-3" : ""}`}
      >
        {/* The section heading shows the same words. */}
        <legend className="sr-only">روزهای تعطیل هفتگی</legend>
        <p id="weekend-hint" className="text-muted">
          مهلت پاسخ به درخواست‌ها در این روزها شمرده نمی‌شود.
        </p>
        <FieldError field="weekend" error={error} />
        <ul className="flex flex-wrap gap-x-6 gap-y-1">
          {IRANIAN_WEEK_ORDER.map((day, index) => (
            <li key={day}>
              <label className="inline-flex min-h-11 cursor-pointer items-center gap-2 text-lg">
                <input
                  type="checkbox"
                  // The error summary links to the first checkbox.
                  id={index === 0 ? FIELD : `${FIELD}-${day}`}
                  name={FIELD}
                  value={day}
                  defaultChecked={checked.has(day)}
                  className="size-6 accent-brand-700"
                />
                {WEEKDAY_NAMES_FA[day]}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <SubmitButton>ذخیره روزهای تعطیل</SubmitButton>
    </form>
  );
}
