import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { StepForm } from "@/components/forms/step-form";
import { ResendCodeForm } from "@/components/registration/resend-code-form";
import { StepHeading } from "@/components/registration/step-heading";
import { getDb } from "@/lib/server/db/prisma";
import { getCodeStatus } from "@/lib/server/otp/get-code-status";
import { loadStep } from "@/lib/server/registration/load-step";
import { toPersianDigits } from "@/lib/utils/digits";
import { resendCodeAction, verifyCodeAction } from "../actions";

export const metadata: Metadata = { title: "ثبت‌نام: کد تأیید" };

export default async function VerifyStep() {
  const draft = await loadStep("mobile");
  if (!draft?.mobile) redirect("/register/mobile");
  const status = await getCodeStatus({ db: await getDb(), purpose: "REGISTRATION", subjectId: draft.id, mobile: draft.mobile });
  if (!status) redirect("/register/mobile");
  const masked = `${draft.mobile.slice(0, 4)}***${draft.mobile.slice(7)}`;
  return (
    <div className="max-w-2xl space-y-6">
      <StepHeading step={2} title="کد تأیید را وارد کنید" backHref="/register/mobile" />
      <p>
        یک کد شش‌رقمی به شماره <span dir="ltr">{toPersianDigits(masked)}</span> پیامک شد. کد تا ۲ دقیقه پس از ارسال
        معتبر است.
      </p>
      <StepForm
        action={verifyCodeAction}
        submitLabel="مرحله بعد"
        fields={[
          {
            name: "code",
            label: "کد تأیید",
            hint: "شش رقم",
            inputMode: "numeric",
            autoComplete: "one-time-code",
            maxLength: 10,
            ltr: true,
          },
        ]}
      />
      <section aria-labelledby="no-code" className="space-y-3 border-t border-brand-100 pt-4">
        <h2 id="no-code" className="text-lg">
          کد به دستتان نرسید؟
        </h2>
        <ResendCodeForm action={resendCodeAction} resendAt={status.resendAt.toISOString()} />
        <p>
          <Link href="/register/mobile" prefetch={false}>
            تغییر شماره همراه
          </Link>
        </p>
      </section>
    </div>
  );
}
