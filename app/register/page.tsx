import type { Metadata } from "next";
import Link from "next/link";
import { currentDraft } from "@/lib/server/registration/draft-cookie";
import { nextRegistrationPath } from "@/lib/server/registration/registration-steps";

export const metadata: Metadata = { title: "ثبت‌نام در سامانه خدمات غیرحضوری" };

export default async function RegisterStartPage() {
  const draft = await currentDraft();
  const resumable = draft && !draft.requestId && draft.nationalId;
  return (
    <div className="max-w-3xl space-y-6">
      <h1>ثبت‌نام در سامانه خدمات غیرحضوری</h1>
      <p className="text-lg">
        بیمه‌شدگان و مستمری‌بگیران سازمان تأمین اجتماعی با ثبت‌نام در این سامانه می‌توانند بدون مراجعه به شعبه از
        خدمات غیرحضوری استفاده کنند.
      </p>
      <section aria-labelledby="needs" className="space-y-2">
        <h2 id="needs">آنچه لازم دارید</h2>
        <ul className="list-disc space-y-1 ps-6">
          <li>کد ملی ده رقمی خودتان</li>
          <li>تلفن همراهی که به نام خود شما ثبت شده است و در دسترس است (کد تأیید به آن پیامک می‌شود)</li>
          <li>تاریخ تولد مطابق شناسنامه</li>
        </ul>
      </section>
      <section aria-labelledby="steps" className="space-y-2">
        <h2 id="steps">مراحل ثبت‌نام</h2>
        <ol className="list-decimal space-y-1 ps-6">
          <li>وارد کردن کد ملی</li>
          <li>وارد کردن شماره همراه و کد تأییدی که پیامک می‌شود</li>
          <li>وارد کردن مشخصات هویتی برای تطبیق با سازمان ثبت احوال</li>
          <li>انتخاب گذرواژه و در صورت تمایل پست الکترونیک</li>
          <li>بازبینی اطلاعات و ارسال درخواست</li>
        </ol>
        <p className="text-muted">ثبت‌نام حدود پنج دقیقه طول می‌کشد. اطلاعاتی که وارد می‌کنید تا ۲۴ ساعت نگه داشته می‌شود.</p>
      </section>
      <section aria-labelledby="terms" className="space-y-2">
        <h2 id="terms">شرایط استفاده</h2>
        <p>
          با ثبت‌نام می‌پذیرید که اطلاعات شما برای احراز هویت با سازمان ثبت احوال کشور و اپراتور تلفن همراه تطبیق داده
          شود. هر شخص فقط برای خودش می‌تواند ثبت‌نام کند و مسئولیت نگهداری گذرواژه با خود اوست.
        </p>
      </section>
      {resumable ? (
        <div className="space-y-3 rounded border-2 border-brand-600 p-4">
          <p>ثبت‌نامی را که شروع کرده بودید می‌توانید از همان جایی که ماند ادامه دهید.</p>
          <Link
            href={nextRegistrationPath(draft)}
            prefetch={false}
            className="inline-flex min-h-12 items-center rounded bg-brand-700 px-6 text-lg font-bold text-white no-underline hover:bg-brand-800 hover:text-white"
          >
            ادامه ثبت‌نام
          </Link>
        </div>
      ) : null}
      {draft?.requestId ? (
        <p className="rounded border border-brand-100 p-4">
          درخواست ثبت‌نامی که فرستادید بررسی شده است.{" "}
          <Link href="/register/result" prefetch={false}>
            نتیجه درخواست قبلی
          </Link>{" "}
          را ببینید، یا برای ثبت‌نام تازه «شروع ثبت‌نام» را بزنید.
        </p>
      ) : null}
      <p>
        <Link
          href="/register/national-id"
          prefetch={false}
          className="inline-flex min-h-12 items-center rounded bg-brand-700 px-6 text-lg font-bold text-white no-underline hover:bg-brand-800 hover:text-white"
        >
          شروع ثبت‌نام
        </Link>
      </p>
    </div>
  );
}
