import type { Metadata } from "next";
import Link from "next/link";
import { StepForm } from "@/components/forms/step-form";
import { requestUnlockAction } from "./actions";

export const metadata: Metadata = { title: "باز کردن قفل ورود کارکنان" };

export default function StaffUnlockPage() {
  return (
    <div className="max-w-xl space-y-6">
      <h1>باز کردن قفل ورود کارکنان</h1>
      <p>
        اگر ورود با کد پرسنلی شما به دلیل تلاش‌های ناموفق از چند شبکه بسته شده است، کدی به شماره همراهی که در پرونده
        پرسنلی شما ثبت است پیامک می‌شود؛ با آن قفل را باز کنید. شماره ثبت‌نشده یا تغییرکرده است؟ از رئیس شعبه بخواهید قفل
        را باز کند.
      </p>
      <StepForm
        action={requestUnlockAction}
        submitLabel="ارسال کد"
        fields={[{ name: "personnelCode", label: "کد پرسنلی", inputMode: "numeric", autoComplete: "username", maxLength: 12, ltr: true }]}
      />
      <p>
        <Link href="/staff/login" prefetch={false}>
          بازگشت به صفحه ورود
        </Link>
      </p>
    </div>
  );
}
