import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { StepForm } from "@/components/forms/step-form";
import { readResetTicket } from "@/lib/server/password-reset/reset-ticket";
import { toPersianDigits } from "@/lib/utils/digits";
import { confirmResetCodeAction } from "../actions";

export const metadata: Metadata = { title: "بازیابی گذرواژه: کد تأیید" };

export default async function ResetVerifyPage() {
  const ticket = await readResetTicket();
  if (!ticket) redirect("/forgot-password");
  const masked = `${ticket.mobile.slice(0, 4)}***${ticket.mobile.slice(7)}`;
  return (
    <div className="max-w-2xl space-y-6">
      <h1>کد تأیید را وارد کنید</h1>
      <p>
        اگر کد ملی و شماره همراه با حساب کاربری یکسان باشد، کدی شش‌رقمی به شماره{" "}
        <span dir="ltr">{toPersianDigits(masked)}</span> پیامک شده است. کد تا ۲ دقیقه معتبر است.
      </p>
      <StepForm
        action={confirmResetCodeAction}
        submitLabel="مرحله بعد"
        fields={[{ name: "code", label: "کد تأیید", hint: "شش رقم", inputMode: "numeric", autoComplete: "one-time-code", maxLength: 10, ltr: true }]}
      />
      <p>
        <Link href="/forgot-password" prefetch={false}>
          درخواست دوباره کد
        </Link>
      </p>
    </div>
  );
}
