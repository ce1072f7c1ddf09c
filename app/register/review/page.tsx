import type { Metadata } from "next";
import { ActionButtonForm } from "@/components/forms/action-button-form";
import { StepHeading } from "@/components/registration/step-heading";
import { SummaryList } from "@/components/summary-list";
import { loadStep } from "@/lib/server/registration/load-step";
import { toPersianDigits } from "@/lib/utils/digits";
import { formatJalaliForDisplay, parseJalaliDate } from "@/lib/utils/jalali";
import { submitRegistrationAction } from "../actions";

export const metadata: Metadata = { title: "ثبت‌نام: بازبینی اطلاعات" };

export default async function ReviewStep() {
  const draft = (await loadStep("review"))!;
  const birth = parseJalaliDate(draft.birthDate!);
  const ltr = (value: string) => <span dir="ltr">{toPersianDigits(value)}</span>;
  return (
    <div className="max-w-3xl space-y-6">
      <StepHeading step={5} title="اطلاعات خود را بازبینی کنید" backHref="/register/account" />
      <SummaryList
        rows={[
          { label: "کد ملی", value: ltr(draft.nationalId!), changeHref: "/register/national-id", changeLabel: "کد ملی" },
          { label: "شماره همراه", value: ltr(draft.mobile!), changeHref: "/register/mobile", changeLabel: "شماره همراه" },
          { label: "نام", value: draft.firstName, changeHref: "/register/identity", changeLabel: "نام" },
          { label: "نام خانوادگی", value: draft.lastName, changeHref: "/register/identity", changeLabel: "نام خانوادگی" },
          { label: "نام پدر", value: draft.fatherName, changeHref: "/register/identity", changeLabel: "نام پدر" },
          {
            label: "تاریخ تولد",
            value: birth ? formatJalaliForDisplay(birth) : draft.birthDate,
            changeHref: "/register/identity",
            changeLabel: "تاریخ تولد",
          },
          {
            label: "پست الکترونیک",
            value: draft.email ?? "وارد نشده",
            changeHref: "/register/account",
            changeLabel: "پست الکترونیک",
          },
          { label: "گذرواژه", value: "انتخاب شده (برای امنیت نمایش داده نمی‌شود)", changeHref: "/register/account", changeLabel: "گذرواژه" },
        ]}
      />
      <section aria-labelledby="declaration" className="space-y-3">
        <h2 id="declaration">ارسال درخواست</h2>
        <p>
          با ارسال این درخواست تأیید می‌کنید که اطلاعات بالا درست و متعلق به خود شماست. نتیجه همین حالا نمایش داده می‌شود
          و پیامکی نیز برایتان فرستاده می‌شود.
        </p>
        <ActionButtonForm action={submitRegistrationAction} label="تایید و ارسال درخواست" />
      </section>
    </div>
  );
}
