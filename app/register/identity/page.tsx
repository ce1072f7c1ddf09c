import type { Metadata } from "next";
import { StepForm } from "@/components/forms/step-form";
import { StepHeading } from "@/components/registration/step-heading";
import { loadStep } from "@/lib/server/registration/load-step";
import { identityAction } from "../actions";

export const metadata: Metadata = { title: "ثبت‌نام: مشخصات هویتی" };

export default async function IdentityStep() {
  const draft = await loadStep("identity");
  return (
    <div className="max-w-2xl space-y-6">
      <StepHeading step={3} title="مشخصات هویتی خود را وارد کنید" backHref="/register/mobile" />
      <p>این اطلاعات با سازمان ثبت احوال کشور تطبیق داده می‌شود؛ آن‌ها را دقیقاً مطابق شناسنامه بنویسید.</p>
      <StepForm
        action={identityAction}
        submitLabel="مرحله بعد"
        initialValues={{
          firstName: draft?.firstName ?? "",
          lastName: draft?.lastName ?? "",
          fatherName: draft?.fatherName ?? "",
          birthDate: draft?.birthDate ?? "",
        }}
        fields={[
          { name: "firstName", label: "نام", autoComplete: "given-name", maxLength: 40 },
          { name: "lastName", label: "نام خانوادگی", autoComplete: "family-name", maxLength: 40 },
          { name: "fatherName", label: "نام پدر", autoComplete: "off", maxLength: 40 },
          {
            name: "birthDate",
            label: "تاریخ تولد",
            hint: "سال/ماه/روز به تاریخ شمسی، مانند ۱۳۶۵/۰۴/۲۸",
            inputMode: "numeric",
            autoComplete: "off",
            maxLength: 12,
            ltr: true,
          },
        ]}
      />
    </div>
  );
}
