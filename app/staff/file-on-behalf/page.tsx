import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StepForm } from "@/components/forms/step-form";
import { requireStaff } from "@/lib/server/auth/require-staff";
import { canWorkOnFiles } from "@/lib/server/review/staff-access";
import { findCitizenAction } from "./actions";

export const metadata: Metadata = { title: "ثبت حضوری از طرف بیمه‌شده" };

export default async function FileOnBehalfPage() {
  const staff = await requireStaff();
  if (!canWorkOnFiles(staff)) notFound();
  return (
    <div className="max-w-3xl space-y-6">
      <Link href="/staff" className="inline-flex min-h-11 items-center">
        <span aria-hidden="true">→&nbsp;</span>بازگشت به میز کار
      </Link>
      <h1>ثبت حضوری از طرف بیمه‌شده</h1>
      <p>
        برای بیمه‌شده یا مستمری‌بگیری که به شعبه آمده است، درخواست نام‌نویسی فرد تحت تکفل را ثبت کنید. درخواست به نام خود او ثبت
        می‌شود، کد رهگیری به شماره همراه او پیامک می‌شود و در پرونده می‌ماند که شما آن را در شعبه ثبت کرده‌اید.
      </p>
      <p>فقط بیمه‌شدگان همین شعبه که در سامانه حساب کاربری دارند پیدا می‌شوند.</p>
      <StepForm
        action={findCitizenAction}
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
        ]}
      />
    </div>
  );
}
