import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { UndeliveredList } from "@/components/admin/undelivered-list";
import type { EmailKind } from "@/lib/generated/prisma/enums";
import { requireStaff } from "@/lib/server/auth/require-staff";
import { getDb } from "@/lib/server/db/prisma";
import { listUndeliveredEmail } from "@/lib/server/email/list-undelivered-email";
import { canManageUndeliveredEmail } from "@/lib/server/email/manage-undelivered-email-policy";
import { toPersianDigits } from "@/lib/utils/digits";
import { retryEmailAction } from "./actions";

export const metadata: Metadata = { title: "ایمیل‌های نرسیده" };

const KIND_LABEL: Record<EmailKind, string> = {
  EMAIL_VERIFICATION: "پیوند تأیید نشانی ایمیل",
  REQUEST_RECEIVED: "رسید ثبت درخواست",
  REQUEST_UPDATE: "خبر تغییر وضعیت درخواست",
  REGISTRATION_RESULT: "نتیجه ثبت‌نام",
  PASSWORD_CHANGED: "خبر تغییر گذرواژه",
  DEADLINE_REMINDER: "یادآوری مهلت",
  MANDATE: "خبر نمایندگی",
  BRANCH_VISIT: "نوبت مراجعه به شعبه",
};

const NOTICES: Record<string, { text: string; ok: boolean }> = {
  retried: { text: "ایمیل دوباره در صف ارسال قرار گرفت و تا چند لحظه دیگر فرستاده می‌شود.", ok: true },
  "not-dead": { text: "این ایمیل دیگر در فهرست ایمیل‌های فرستاده‌نشده نیست؛ شاید کس دیگری آن را دوباره فرستاده است.", ok: false },
  link: { text: "پیوند تأیید نشانی ایمیل دوباره فرستاده نمی‌شود؛ فرد باید در «پست الکترونیک» پیوند تازه بخواهد.", ok: false },
  gone: { text: "این ایمیل پیدا نشد. صفحه را دوباره باز کنید.", ok: false },
};

export default async function UndeliveredEmailsPage({
  searchParams,
}: {
  searchParams: Promise<{ after?: string | string[]; done?: string | string[] }>;
}) {
  const user = await requireStaff();
  if (!canManageUndeliveredEmail(user)) notFound();
  const { after: rawAfter, done } = await searchParams;
  const after = typeof rawAfter === "string" ? rawAfter : undefined;
  const { emails, total, nextCursor } = await listUndeliveredEmail({ db: await getDb(), actor: user, after });
  return (
    <UndeliveredList
      title="ایمیل‌های نرسیده"
      intro={
        "ایمیل‌هایی که سرور ایمیل نپذیرفته است. هر ایمیل رونوشت یک پیامک است و پیامک جداگانه فرستاده می‌شود. سامانه هر ایمیل را چند بار با " +
        "فاصله‌ای که هر بار دو برابر می‌شود دوباره می‌فرستد؛ ایمیلی که پس از آخرین تلاش هم نرسیده، «فرستاده نشد» است و پس از رفع مشکل سرور " +
        "ایمیل می‌توانید آن را با «ارسال دوباره» یک دور کامل دیگر بفرستید. این کار ثبت می‌شود. متن پیوندهای تأیید نشانی ایمیل نشان داده و دوباره فرستاده نمی‌شود."
      }
      summary={total === 0 ? "همه ایمیل‌ها فرستاده شده‌اند یا در صف ارسال‌اند." : `${toPersianDigits(total)} ایمیل فرستاده نشده است؛ جدیدترین در بالا.`}
      notice={typeof done === "string" ? NOTICES[done] : undefined}
      items={emails.map((email) => ({
        ...email,
        heading: (
          <>
            {KIND_LABEL[email.kind]} به{" "}
            <span dir="ltr" lang="en">
              {email.maskedTo}
            </span>
          </>
        ),
        details: [
          { label: "موضوع", value: email.subject },
          { label: "متن", value: email.text ? <span className="whitespace-pre-line">{email.text}</span> : "نشان داده نمی‌شود" },
        ],
        retry: email.canRetry ? { srLabel: `ایمیل ${KIND_LABEL[email.kind]} به ${email.maskedTo}` } : null,
      }))}
      retryAction={retryEmailAction}
      retryField="emailId"
      pager={{ page: "/staff/admin/emails", after, nextCursor, newest: "تازه‌ترین ایمیل‌ها", older: "ایمیل‌های قدیمی‌تر" }}
    />
  );
}
