import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { StepForm } from "@/components/forms/step-form";
import { readVisitTicket } from "@/lib/server/visits/visit-ticket";
import { confirmVisitCodeAction } from "../actions";

export const metadata: Metadata = { title: "پیگیری نوبت: کد تأیید" };

export default async function VisitCodePage() {
  const ticket = await readVisitTicket();
  if (!ticket) redirect("/visit");
  if (ticket.confirmed) redirect("/visit/manage");
  return (
    <div className="max-w-2xl space-y-6">
      <h1>کد تأیید را وارد کنید</h1>
      <p>کدی شش‌رقمی به شماره همراهی که نوبت با آن رزرو شده پیامک شد. کد تا ۲ دقیقه معتبر است.</p>
      <StepForm
        action={confirmVisitCodeAction}
        submitLabel="مرحله بعد"
        fields={[{ name: "code", label: "کد تأیید", hint: "شش رقم", inputMode: "numeric", autoComplete: "one-time-code", maxLength: 10, ltr: true }]}
      />
      <p>
        <Link href="/visit" prefetch={false}>
          درخواست دوباره کد
        </Link>
      </p>
    </div>
  );
}
