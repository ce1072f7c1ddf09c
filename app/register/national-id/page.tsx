import type { Metadata } from "next";
import { StepForm } from "@/components/forms/step-form";
import { StepHeading } from "@/components/registration/step-heading";
import { loadStep } from "@/lib/server/registration/load-step";
import { nationalIdAction } from "../actions";

export const metadata: Metadata = { title: "ثبت‌نام: کد ملی" };

export default async function NationalIdStep() {
  const draft = await loadStep("national-id");
  return (
    <div className="max-w-2xl space-y-6">
      <StepHeading step={1} title="کد ملی خود را وارد کنید" backHref="/register" />
      <StepForm
        action={nationalIdAction}
        submitLabel="مرحله بعد"
        // A submitted draft is finished: starting again starts with an empty form (the action makes a new draft).
        initialValues={{ nationalId: draft && !draft.requestId ? (draft.nationalId ?? "") : "" }}
        fields={[
          {
            name: "nationalId",
            label: "کد ملی",
            hint: "ده رقم پیوسته، مطابق کارت ملی. می‌توانید با رقم‌های فارسی یا انگلیسی بنویسید.",
            inputMode: "numeric",
            autoComplete: "off",
            maxLength: 14,
            ltr: true,
          },
        ]}
      />
    </div>
  );
}
