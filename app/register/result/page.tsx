import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getDb } from "@/lib/server/db/prisma";
import { currentDraft } from "@/lib/server/registration/draft-cookie";
import { getRegistrationResult } from "@/lib/server/registration/get-registration-result";
import { nextRegistrationPath } from "@/lib/server/registration/registration-steps";
import type { RegistrationRejection } from "@/lib/server/registration/submit-registration";
import { formatTrackingCode } from "@/lib/utils/tracking-code";
import { finishRegistrationAction } from "../actions";

export const metadata: Metadata = { title: "ثبت‌نام: نتیجه درخواست" };

const REJECTION_TEXT: Record<RegistrationRejection, { reason: string; todo: React.ReactNode }> = {
  IDENTITY_MISMATCH: {
    reason: "نام، نام خانوادگی، نام پدر یا تاریخ تولدی که وارد کردید با اطلاعات سازمان ثبت احوال کشور یکسان نیست.",
    todo: (
      <>
        <li>اطلاعات را دقیقاً مطابق شناسنامه (با همان املا) و تاریخ تولد را به تاریخ شمسی بنویسید و دوباره ثبت‌نام کنید.</li>
        <li>اگر مطمئن هستید اطلاعات درست است، با کارت ملی و شناسنامه به شعبه تأمین اجتماعی مراجعه کنید.</li>
      </>
    ),
  },
  DECEASED: {
    reason: "بر اساس استعلام از سازمان ثبت احوال کشور، این کد ملی متعلق به فردی درگذشته است.",
    todo: <li>اگر این اطلاعات اشتباه است، با مدارک هویتی به اداره ثبت احوال و سپس به شعبه تأمین اجتماعی مراجعه کنید.</li>,
  },
  MOBILE_NOT_OWNED: {
    reason: "شماره همراهی که وارد کردید به نام شما ثبت نشده است.",
    todo: (
      <>
        <li>
          همراه با مالک فعلی سیم‌کارت و کارت ملی هر دو نفر به دفتر خدمات اپراتور بروید و «انتقال مالکیت سیم‌کارت» را
          درخواست کنید؛ سپس دوباره ثبت‌نام کنید.
        </li>
        <li>یا با شماره‌ای که به نام خود شماست دوباره ثبت‌نام کنید.</li>
      </>
    ),
  },
  NO_INSURANCE: {
    reason: "برای این کد ملی سابقه بیمه یا مستمری در سازمان تأمین اجتماعی پیدا نشد.",
    todo: <li>با کارت ملی و دفترچه یا شماره بیمه خود به شعبه تأمین اجتماعی مراجعه کنید تا سابقه شما بررسی شود.</li>,
  },
  ALREADY_REGISTERED: {
    reason: "برای این کد ملی پیش‌تر حساب کاربری ساخته شده است.",
    todo: (
      <>
        <li>
          با کد ملی و گذرواژه خود <Link href="/login">وارد سامانه شوید</Link>.
        </li>
        <li>
          اگر گذرواژه را فراموش کرده‌اید، از <Link href="/forgot-password">بازیابی گذرواژه</Link> استفاده کنید.
        </li>
        <li>اگر شما این حساب را نساخته‌اید، با مدارک هویتی به شعبه تأمین اجتماعی مراجعه کنید.</li>
      </>
    ),
  },
};

export default async function ResultPage() {
  const draft = await currentDraft();
  if (!draft?.requestId) redirect(nextRegistrationPath(draft));
  const result = (await getRegistrationResult({ db: await getDb(), draft }))!;
  const approved = result.outcome === "APPROVED";
  const rejection = approved ? null : REJECTION_TEXT[result.outcome as RegistrationRejection];
  return (
    <div className="max-w-3xl space-y-6">
      <div className={`space-y-2 p-6 text-white ${approved ? "bg-success" : "bg-brand-800"}`}>
        <h1>{approved ? "ثبت‌نام شما انجام شد" : "ثبت‌نام انجام نشد"}</h1>
        <p className="text-lg">
          کد رهگیری درخواست: <strong dir="ltr">{formatTrackingCode(result.trackingCode)}</strong>
        </p>
      </div>
      {approved ? (
        <section className="space-y-3" aria-labelledby="next">
          <h2 id="next">مرحله بعد</h2>
          <p>پیامک تأیید ثبت‌نام برای شما فرستاده شد. اکنون می‌توانید با کد ملی و گذرواژه‌ای که انتخاب کردید وارد سامانه شوید.</p>
          {draft.email ? (
            <p>
              پیوندی برای تأیید نشانی پست الکترونیک <span dir="ltr" className="break-all">{draft.email}</span> به همان نشانی فرستاده شد؛ آن را تا یک روز
              باز کنید تا اطلاع‌رسانی‌ها با ایمیل هم برسد.
            </p>
          ) : null}
        </section>
      ) : (
        <>
          <section className="space-y-3" aria-labelledby="why">
            <h2 id="why">دلیل</h2>
            <p>{rejection!.reason}</p>
          </section>
          <section className="space-y-3" aria-labelledby="todo">
            <h2 id="todo">چه باید کرد</h2>
            <ul className="list-disc space-y-2 ps-6">{rejection!.todo}</ul>
            <p className="text-muted">پیامکی با همین کد رهگیری برای شما فرستاده شد. هنگام مراجعه به شعبه کد رهگیری را همراه داشته باشید.</p>
          </section>
          <section className="space-y-3 rounded border-2 border-brand-700 p-5" aria-labelledby="visit">
            <h2 id="visit">مراجعه به شعبه با نوبت</h2>
            <p>به‌جای انتظار در شعبه، روز و ساعت مراجعه را از همین‌جا رزرو کنید؛ زمان، نشانی و مدارک لازم با پیامک برایتان فرستاده می‌شود.</p>
            <Link
              href="/register/result/visit"
              className="inline-flex min-h-12 items-center rounded bg-brand-700 px-6 text-lg font-bold text-white no-underline hover:bg-brand-800"
            >
              رزرو نوبت مراجعه به شعبه
            </Link>
          </section>
        </>
      )}
      <form action={finishRegistrationAction}>
        <button type="submit" className="min-h-12 rounded bg-brand-700 px-8 text-lg font-bold text-white hover:bg-brand-800">
          تایید
        </button>
      </form>
    </div>
  );
}
