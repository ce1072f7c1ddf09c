import type { Metadata } from "next";
import { AccountStepForm } from "@/components/registration/account-step-form";
import { StepHeading } from "@/components/registration/step-heading";
import { loadStep } from "@/lib/server/registration/load-step";
import { accountAction } from "../actions";

export const metadata: Metadata = { title: "ثبت‌نام: گذرواژه" };

export default async function AccountStep() {
  const draft = (await loadStep("account"))!;
  return (
    <div className="max-w-2xl space-y-6">
      <StepHeading step={4} title="گذرواژه خود را انتخاب کنید" backHref="/register/identity" />
      <p>
        با کد ملی و این گذرواژه وارد سامانه می‌شوید. یک عبارت بلند که به‌خاطر می‌سپارید، از چند کلمه، بهترین گذرواژه است.
      </p>
      <AccountStepForm
        action={accountAction}
        initialEmail={draft.email ?? ""}
        personal={{
          firstName: draft.firstName,
          lastName: draft.lastName,
          fatherName: draft.fatherName,
          nationalId: draft.nationalId,
          mobile: draft.mobile,
        }}
      />
    </div>
  );
}
