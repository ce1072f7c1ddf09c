import type { Metadata } from "next";
import Link from "next/link";
import { StepForm } from "@/components/forms/step-form";
import { confirmUnlockAction } from "../actions";

export const metadata: Metadata = { title: "باز کردن قفل ورود کارکنان: کد پیامکی" };

export default function StaffUnlockVerifyPage() {
  return (
    <div className="max-w-xl space-y-6">
      <h1>کد پیامکی را وارد کنید</h1>
      <p>اگر این کد پرسنلی شماره همراه ثبت‌شده دارد، کدی شش‌رقمی به آن پیامک شد. کد تا ۲ دقیقه معتبر است.</p>
      <StepForm
        action={confirmUnlockAction}
        submitLabel="باز کردن قفل"
        fields={[{ name: "code", label: "کد پیامکی", hint: "شش رقم", inputMode: "numeric", autoComplete: "one-time-code", maxLength: 10, ltr: true }]}
      />
      <p>
        <Link href="/staff/login" prefetch={false}>
          رفتن به صفحه ورود
        </Link>
      </p>
    </div>
  );
}
