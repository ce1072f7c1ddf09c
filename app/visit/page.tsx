import type { Metadata } from "next";
import { StepForm } from "@/components/forms/step-form";
import { findVisitAction } from "./actions";

export const metadata: Metadata = { title: "پیگیری نوبت مراجعه به شعبه" };

// Public on purpose: someone refused at registration has no account. The action limits attempts per network.
export default function FindVisitPage() {
  return (
    <div className="max-w-2xl space-y-6">
      <h1>پیگیری نوبت مراجعه به شعبه</h1>
      <p>
        کد رهگیری نوبت (در پیامک رزرو) و کد ملی خود را بنویسید. کدی شش‌رقمی به شماره همراهی که نوبت با آن رزرو شده پیامک می‌شود؛ با آن نوبت را
        می‌بینید و می‌توانید جابه‌جا یا لغو کنید. اگر حساب کاربری دارید، از «خدمات من» هم می‌توانید.
      </p>
      <StepForm
        action={findVisitAction}
        submitLabel="فرستادن کد"
        fields={[
          { name: "trackingCode", label: "کد رهگیری نوبت", hint: "ده رقم، فارسی یا انگلیسی", inputMode: "numeric", maxLength: 20, ltr: true },
          { name: "nationalId", label: "کد ملی", hint: "ده رقم", inputMode: "numeric", maxLength: 12, ltr: true },
        ]}
      />
    </div>
  );
}
