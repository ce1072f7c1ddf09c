import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { StepForm } from "@/components/forms/step-form";
import { readChallenge } from "@/lib/server/second-factor/challenge-cookie";
import { staffSecondStepAction } from "../actions";

export const metadata: Metadata = { title: "ورود کارکنان: کد ورود دومرحله‌ای" };

export default async function StaffSecondStepPage() {
  const challenge = await readChallenge();
  if (!challenge || challenge.subject.kind !== "STAFF") redirect("/staff/login");
  return (
    <div className="max-w-xl space-y-6">
      <h1>کد ورود دومرحله‌ای</h1>
      <p>گذرواژه درست بود. کد شش‌رقمی‌ای را که برنامه احراز هویت روی گوشی شما اکنون نشان می‌دهد وارد کنید.</p>
      <StepForm
        action={staffSecondStepAction}
        submitLabel="ورود"
        fields={[
          {
            name: "code",
            label: "کد ورود دومرحله‌ای",
            hint: "شش رقم از برنامه احراز هویت، یا یکی از کدهای بازیابی (مانند ABCDE-FGH23)",
            inputMode: "text",
            autoComplete: "one-time-code",
            maxLength: 20,
            ltr: true,
          },
        ]}
      />
      <details className="rounded border border-brand-100 p-4">
        <summary className="min-h-11 cursor-pointer font-bold">به گوشی یا برنامه دسترسی ندارم</summary>
        <p className="mt-2">
          یکی از کدهای بازیابی را که هنگام فعال‌سازی گرفتید وارد کنید. اگر آن‌ها را هم ندارید، از رئیس شعبه (یا مدیر سامانه)
          بخواهید ورود دومرحله‌ای شما را بازنشانی کند؛ پس از آن، هنگام ورود برنامه را دوباره فعال می‌کنید.
        </p>
      </details>
      <p>
        <Link href="/staff/login" prefetch={false}>
          بازگشت به صفحه ورود
        </Link>
      </p>
    </div>
  );
}
