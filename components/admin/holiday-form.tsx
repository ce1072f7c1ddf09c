"use client";

import { StepForm, type StepField } from "@/components/forms/step-form";
import type { FormState } from "@/lib/schemas/form-state";

const FIELDS: StepField[] = [
  {
    name: "jalaliDate",
    label: "تاریخ",
    hint: "به شکل سال/ماه/روز خورشیدی، مانند ۱۴۰۵/۰۷/۰۷",
    maxLength: 16,
    autoComplete: "off",
    ltr: true,
  },
  { name: "title", label: "عنوان تعطیلی", hint: "مانند «عید سعید فطر»", maxLength: 200, autoComplete: "off" },
];

/** Adds a holiday, or edits one when given its id. Works as a plain form post. */
export function HolidayForm({
  action,
  submitLabel,
  holidayId,
  initialValues,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  submitLabel: string;
  holidayId?: string;
  initialValues?: { jalaliDate: string; title: string };
}) {
  return (
    <StepForm action={action} fields={FIELDS} initialValues={initialValues} submitLabel={submitLabel}>
      {holidayId ? <input type="hidden" name="id" value={holidayId} /> : null}
    </StepForm>
  );
}
