import type { Metadata } from "next";
import { StepForm } from "@/components/forms/step-form";
import { StepHeading } from "@/components/registration/step-heading";
import { loadStep } from "@/lib/server/registration/load-step";
import { mobileAction } from "../actions";

export const metadata: Metadata = { title: "ثبت‌نام: شماره همراه" };

export default async function MobileStep() {
  const draft = await loadStep("mobile");
  return (
    <div className="max-w-2xl space-y-6">
      <StepHeading step={2} title="شماره همراه خود را وارد کنید" backHref="/register/national-id" />
      <StepForm
        action={mobileAction}
        submitLabel="مرحله بعد"
        initialValues={{ mobile: draft?.mobile ?? "" }}
        fields={[
          {
            name: "mobile",
            label: "شماره همراه",
            hint: "یازده رقم با صفر اول، مانند ۰۹۱۲۱۲۳۴۵۶۷. سیم‌کارت باید به نام خود شما باشد؛ یک کد تأیید به آن پیامک می‌شود.",
            inputMode: "tel",
            type: "tel",
            autoComplete: "tel-national",
            maxLength: 16,
            ltr: true,
          },
        ]}
      />
      <details className="rounded border border-brand-100 p-4">
        <summary className="min-h-11 cursor-pointer font-bold">سیم‌کارت به نام من نیست</summary>
        <div className="mt-2 space-y-2">
          <p>
            برای ثبت‌نام باید از شماره‌ای استفاده کنید که به نام خودتان است. اگر سیم‌کارتی که استفاده می‌کنید به نام
            شخص دیگری (مثلاً یکی از اعضای خانواده) است، می‌توانید آن را به نام خود منتقل کنید:
          </p>
          <ol className="list-decimal space-y-1 ps-6">
            <li>همراه با مالک فعلی سیم‌کارت و کارت ملی هر دو نفر به یکی از دفاتر خدمات اپراتور تلفن همراه بروید.</li>
            <li>درخواست «انتقال مالکیت سیم‌کارت» بدهید؛ انتقال معمولاً همان روز انجام می‌شود.</li>
            <li>پس از انتقال، ثبت‌نام را با همین شماره ادامه دهید.</li>
          </ol>
          <p>می‌توانید به جای آن، شماره دیگری را که به نام خودتان است وارد کنید.</p>
        </div>
      </details>
    </div>
  );
}
