import type { Metadata } from "next";
import { BackLink } from "@/components/back-link";
import { StepForm } from "@/components/forms/step-form";
import { SubmitButton } from "@/components/forms/submit-button";
import { AuthenticatorSetup } from "@/components/second-factor/authenticator-setup";
import { EnrolForm } from "@/components/second-factor/enrol-form";
import { requireOwnAccount } from "@/lib/server/auth/require-citizen";
import { getDb } from "@/lib/server/db/prisma";
import { authenticatorQrSvg } from "@/lib/server/second-factor/authenticator-qr";
import { hasSecondFactor, pendingEnrolment } from "@/lib/server/second-factor/enrolment";
import { citizenEnrolAction, disableSecondFactorAction, startCitizenEnrolmentAction } from "./actions";

export const metadata: Metadata = { title: "ورود دومرحله‌ای" };

export default async function AccountSecurityPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireOwnAccount();
  const db = await getDb();
  const subject = { kind: "CITIZEN" as const, citizenId: user.accountId };
  const enabled = await hasSecondFactor({ db, subject });
  const pending = enabled ? null : await pendingEnrolment({ db, subject, account: user.nationalId });
  const { off } = await searchParams;
  return (
    <div className="max-w-2xl space-y-6">
      <BackLink href="/account">خدمات من</BackLink>
      <h1>ورود دومرحله‌ای</h1>
      <p>
        با ورود دومرحله‌ای، برای ورود به حساب علاوه بر گذرواژه کدی از برنامه احراز هویت روی گوشی خودتان لازم است؛ اگر
        گذرواژه شما به دست دیگری بیفتد، بی گوشی شما نمی‌تواند وارد شود. این کار اختیاری است.
      </p>
      {off ? (
        <p role="status" className="rounded border-2 border-success p-4 font-bold">
          ورود دومرحله‌ای غیرفعال شد.
        </p>
      ) : null}
      {enabled ? (
        <section aria-labelledby="on-heading" className="space-y-4">
          <h2 id="on-heading">ورود دومرحله‌ای فعال است</h2>
          <p>برای غیرفعال کردن، کد کنونی برنامه یا یکی از کدهای بازیابی را وارد کنید.</p>
          <StepForm
            action={disableSecondFactorAction}
            submitLabel="غیرفعال کردن ورود دومرحله‌ای"
            fields={[{ name: "code", label: "کد برنامه یا کد بازیابی", inputMode: "text", autoComplete: "one-time-code", maxLength: 20, ltr: true }]}
          />
        </section>
      ) : pending ? (
        <section aria-labelledby="setup-heading" className="space-y-4">
          <h2 id="setup-heading">افزودن به برنامه احراز هویت</h2>
          <AuthenticatorSetup qrSvg={await authenticatorQrSvg(pending.uri)} secret={pending.secret} />
          <EnrolForm action={citizenEnrolAction} continueHref="/account" continueLabel="بازگشت به خدمات من" />
        </section>
      ) : (
        <form action={startCitizenEnrolmentAction}>
          <SubmitButton>فعال‌سازی ورود دومرحله‌ای</SubmitButton>
        </form>
      )}
    </div>
  );
}
