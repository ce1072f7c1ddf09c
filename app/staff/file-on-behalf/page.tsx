import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BackLink } from "@/components/back-link";
import { StepForm } from "@/components/forms/step-form";
import { requireStaff } from "@/lib/server/auth/require-staff";
import { canWorkOnFiles } from "@/lib/server/review/staff-access";
import { findApplicantAction } from "./actions";

export const metadata: Metadata = { title: "ثبت حضوری از طرف بیمه‌شده" };

export default async function FileOnBehalfPage() {
  const staff = await requireStaff();
  if (!canWorkOnFiles(staff)) notFound();
  return (
    <div className="max-w-3xl space-y-6">
      <BackLink href="/staff">میز کار کارکنان</BackLink>
      <h1>ثبت حضوری از طرف بیمه‌شده</h1>
      <p>
        برای بیمه‌شده یا مستمری‌بگیری که به شعبه آمده است، درخواست نام‌نویسی فرد تحت تکفل را ثبت کنید. درخواست به نام خود او ثبت
        می‌شود، کد رهگیری به شماره همراه او پیامک می‌شود و در پرونده می‌ماند که شما آن را در شعبه ثبت کرده‌اید.
      </p>
      <p>
        هر بیمه‌شده یا مستمری‌بگیر همین شعبه پیدا می‌شود، چه در سامانه حساب کاربری داشته باشد چه نداشته باشد. اگر حساب ندارد، درخواست
        با کد ملی او ثبت می‌شود: وضعیت آن را در «پیگیری وضعیت درخواست» می‌بیند و اگر بعدها ثبت‌نام کند، در «درخواست‌های من» هم.
      </p>
      <StepForm
        action={findApplicantAction}
        submitLabel="ادامه"
        fields={[
          {
            name: "nationalId",
            label: "کد ملی بیمه‌شده",
            hint: "کد ملی ده‌رقمی را از روی کارت ملی او بنویسید.",
            inputMode: "numeric",
            autoComplete: "off",
            maxLength: 14,
            ltr: true,
          },
          {
            name: "birthDate",
            label: "تاریخ تولد بیمه‌شده",
            hint: "از روی کارت ملی او، سال/ماه/روز به تاریخ شمسی، مانند ۱۳۶۵/۰۴/۲۸",
            inputMode: "numeric",
            autoComplete: "off",
            maxLength: 12,
            ltr: true,
          },
          {
            name: "mobile",
            label: "شماره همراه بیمه‌شده (اگر حساب کاربری ندارد)",
            hint: "کد رهگیری به این شماره پیامک می‌شود، اگر به نام خود او باشد. اگر حساب کاربری دارد، پیامک به شماره ثبت‌شده در حسابش می‌رود و این خانه لازم نیست.",
            inputMode: "tel",
            type: "tel",
            autoComplete: "off",
            maxLength: 14,
            ltr: true,
          },
        ]}
      />
    </div>
  );
}
