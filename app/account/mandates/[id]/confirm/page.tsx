import type { Metadata } from "next";
import { BackLink } from "@/components/back-link";
import { MandateConsentForm } from "@/components/mandates/mandate-consent-form";
import { requireOwnAccount } from "@/lib/server/auth/require-citizen";
import { confirmMandateAction } from "../../actions";

export const metadata: Metadata = { title: "تأیید نمایندگی" };

export default async function ConfirmMandatePage({ params }: { params: Promise<{ id: string }> }) {
  await requireOwnAccount();
  const { id } = await params;
  return (
    <div className="max-w-3xl space-y-6">
      <BackLink href="/account/mandates">نمایندگی</BackLink>
      <h1>تأیید نمایندگی</h1>
      <p role="status" className="border-s-4 border-success bg-brand-50 p-4">
        اگر این کد ملی در سامانه حساب کاربری داشته باشد، یک کد تأیید به شماره همراه ثبت‌شده او پیامک شد. در پیامک نوشته شده است که شما چه
        کارهایی را تا چه زمانی برای او انجام خواهید داد.
      </p>
      <p>اگر او موافق است، کد را از او بگیرید و اینجا بنویسید. اگر پیامکی نرسید، او باید نخست در سامانه ثبت‌نام کند.</p>
      <MandateConsentForm action={confirmMandateAction.bind(null, id)} />
    </div>
  );
}
