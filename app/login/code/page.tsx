import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { StepForm } from "@/components/forms/step-form";
import { readChallenge } from "@/lib/server/second-factor/challenge-cookie";
import { citizenSecondStepAction } from "../actions";

export const metadata: Metadata = { title: "ورود: کد ورود دومرحله‌ای" };

export default async function CitizenSecondStepPage() {
  const challenge = await readChallenge();
  if (!challenge || challenge.subject.kind !== "CITIZEN") redirect("/login");
  return (
    <div className="max-w-xl space-y-6">
      <h1>کد ورود دومرحله‌ای</h1>
      <p>گذرواژه درست بود. شما ورود دومرحله‌ای را فعال کرده‌اید: کد شش‌رقمی برنامه احراز هویت را وارد کنید.</p>
      <StepForm
        action={citizenSecondStepAction}
        submitLabel="ورود"
        fields={[
          {
            name: "code",
            label: "کد ورود دومرحله‌ای",
            hint: "شش رقم از برنامه احراز هویت، یا یکی از کدهای بازیابی",
            inputMode: "text",
            autoComplete: "one-time-code",
            maxLength: 20,
            ltr: true,
          },
        ]}
      />
      <p>
        برنامه و کدهای بازیابی را ندارید؟ با کارت ملی به شعبه مراجعه کنید.{" "}
        <Link href="/login" prefetch={false}>
          بازگشت به صفحه ورود
        </Link>
      </p>
    </div>
  );
}
