import type { Metadata } from "next";
import Link from "next/link";
import { BackLink } from "@/components/back-link";
import { MandateRequestForm } from "@/components/mandates/mandate-request-form";
import { MANDATE_STATE_LABELS, scopesPhrase } from "@/lib/domain/mandates";
import { requireOwnAccount } from "@/lib/server/auth/require-citizen";
import { getDb } from "@/lib/server/db/prisma";
import { listMandates, type MandateRow } from "@/lib/server/mandates/list-mandates";
import { toPersianDigits } from "@/lib/utils/digits";
import { formatJalaliForDisplay, gregorianToJalali } from "@/lib/utils/jalali";
import { requestMandateAction, revokeMandateAction } from "./actions";

export const metadata: Metadata = { title: "نمایندگی" };

const NOTICES: Record<string, string> = {
  granted: "نمایندگی فعال شد. برای انجام کار، از «پرونده چه کسی باز باشد؟» پرونده او را باز کنید.",
  revoked: "نمایندگی لغو شد و از همین لحظه دسترسی به پرونده پایان یافت.",
};

function MandateItem({ mandate, side }: { mandate: MandateRow; side: "held" | "given" }) {
  const live = mandate.state === "ACTIVE" || mandate.state === "PENDING";
  const who = mandate.otherName ? `${mandate.otherName} (کد ملی ${toPersianDigits(mandate.otherNationalId)})` : `کد ملی ${toPersianDigits(mandate.otherNationalId)}`;
  return (
    <li className="space-y-2 rounded border border-brand-100 p-4">
      <p className="font-bold">{who}</p>
      <p>
        {MANDATE_STATE_LABELS[mandate.state]}؛ {scopesPhrase(mandate.scopes)}؛ تا {formatJalaliForDisplay(gregorianToJalali(mandate.endsAt))}
      </p>
      {live ? (
        <form action={revokeMandateAction.bind(null, mandate.id)}>
          <button type="submit" className="min-h-11 rounded border-2 border-danger bg-white px-4 font-bold text-danger">
            {mandate.state === "PENDING" ? "پس گرفتن درخواست" : side === "held" ? "پایان دادن به نمایندگی من" : "لغو نمایندگی"}
            <span className="sr-only"> {who}</span>
          </button>
        </form>
      ) : null}
    </li>
  );
}

export default async function MandatesPage({ searchParams }: { searchParams: Promise<{ granted?: string; revoked?: string }> }) {
  const user = await requireOwnAccount();
  const { held, given } = await listMandates({ db: await getDb(), citizenId: user.accountId });
  const params = await searchParams;
  const notice = params.granted ? NOTICES.granted : params.revoked ? NOTICES.revoked : null;
  return (
    <div className="max-w-3xl space-y-8">
      <BackLink href="/account">خدمات من</BackLink>
      <h1>نمایندگی</h1>
      {notice ? (
        <p role="status" className="border-s-4 border-success bg-brand-50 p-4 font-bold">
          {notice}
        </p>
      ) : null}
      <p>
        اگر یکی از اعضای خانواده کارهای شما را در سامانه انجام می‌دهد، به جای دادن گذرواژه خود، او را نماینده خود کنید: او با حساب خودش وارد
        می‌شود، فقط کارهایی را که شما اجازه داده‌اید انجام می‌دهد، هر کاری که بکند به نام او ثبت می‌شود و هر زمان بخواهید آن را لغو می‌کنید.
        نماینده هرگز نمی‌تواند گذرواژه، شماره همراه یا نمایندگی‌های شما را تغییر دهد.
      </p>
      <section aria-labelledby="given-heading" className="space-y-3">
        <h2 id="given-heading">کسانی که نماینده من هستند</h2>
        {given.length === 0 ? (
          <p>هیچ‌کس نماینده شما نیست.</p>
        ) : (
          <ul className="space-y-3">
            {given.map((mandate) => (
              <MandateItem key={mandate.id} mandate={mandate} side="given" />
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="held-heading" className="space-y-3">
        <h2 id="held-heading">کسانی که من نماینده آن‌ها هستم</h2>
        {held.length === 0 ? (
          <p>شما نماینده کسی نیستید.</p>
        ) : (
          <ul className="space-y-3">
            {held.map((mandate) => (
              <MandateItem key={mandate.id} mandate={mandate} side="held" />
            ))}
          </ul>
        )}
        <p>
          <Link href="/account/acting" className="inline-flex min-h-11 items-center font-bold">
            پرونده چه کسی باز باشد؟
          </Link>
        </p>
      </section>
      <section aria-labelledby="request-heading" className="space-y-3">
        <h2 id="request-heading">درخواست نمایندگی برای انجام کارهای یک نفر</h2>
        <p>نمایندگی حداکثر یک سال است و هر یک از دو طرف هر زمان بخواهد آن را لغو می‌کند.</p>
        <MandateRequestForm action={requestMandateAction} />
      </section>
    </div>
  );
}
