import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DefinitionList } from "@/components/definition-list";
import { MessageText } from "@/components/message-text";
import type { SmsKind } from "@/lib/generated/prisma/enums";
import { requireStaff } from "@/lib/server/auth/require-staff";
import { getDb } from "@/lib/server/db/prisma";
import { listUndeliveredSms, type UndeliveredSms } from "@/lib/server/sms/list-undelivered-sms";
import { canManageUndeliveredSms } from "@/lib/server/sms/manage-undelivered-sms-policy";
import { toPersianDigits } from "@/lib/utils/digits";
import { formatTehranDateTime } from "@/lib/utils/jalali";
import { retrySmsAction } from "./actions";

export const metadata: Metadata = { title: "پیامک‌های نرسیده" };

const PAGE = "/staff/admin/messages";

const KIND_LABEL: Record<SmsKind, string> = {
  ONE_TIME_CODE: "کد یک‌بارمصرف",
  REQUEST_RECEIVED: "رسید ثبت درخواست",
  REQUEST_UPDATE: "خبر تغییر وضعیت درخواست",
  REGISTRATION_RESULT: "نتیجه ثبت‌نام",
  PASSWORD_CHANGED: "خبر تغییر گذرواژه",
  STAFF_SIGN_IN_LOCKED: "خبر بسته شدن ورود کارمند",
  DEADLINE_REMINDER: "یادآوری مهلت",
  MANDATE: "خبر نمایندگی",
  BRANCH_VISIT: "نوبت مراجعه به شعبه",
};

const NOTICES: Record<string, { text: string; ok: boolean }> = {
  retried: { text: "پیامک دوباره در صف ارسال قرار گرفت و تا چند لحظه دیگر فرستاده می‌شود.", ok: true },
  "not-dead": { text: "این پیامک دیگر در فهرست پیام‌های فرستاده‌نشده نیست؛ شاید کس دیگری آن را دوباره فرستاده است.", ok: false },
  code: { text: "کد یک‌بارمصرف دوباره فرستاده نمی‌شود؛ کد کهنه بی‌اعتبار است و فرد باید کد تازه بخواهد.", ok: false },
  gone: { text: "این پیامک پیدا نشد. صفحه را دوباره باز کنید.", ok: false },
};

function stateOf(message: UndeliveredSms): string {
  if (message.status === "DEAD") return "فرستاده نشد؛ سامانه دیگر تلاش نمی‌کند";
  return message.nextAttemptAt
    ? // About: on PostgreSQL pg-boss adds its own jitter to the wait.
      `هنوز فرستاده نشده؛ تلاش بعدی حدود ${formatTehranDateTime(message.nextAttemptAt)}`
    : "هنوز فرستاده نشده؛ سامانه دوباره تلاش می‌کند";
}

export default async function UndeliveredMessagesPage({
  searchParams,
}: {
  searchParams: Promise<{ after?: string | string[]; done?: string | string[] }>;
}) {
  const user = await requireStaff();
  if (!canManageUndeliveredSms(user)) notFound();
  const { after: rawAfter, done } = await searchParams;
  const after = typeof rawAfter === "string" ? rawAfter : undefined;
  const { messages, total, nextCursor } = await listUndeliveredSms({ db: await getDb(), actor: user, after });
  const notice = typeof done === "string" ? NOTICES[done] : undefined;
  return (
    <div className="max-w-3xl space-y-6">
      <Link href="/staff" className="inline-flex min-h-11 items-center">
        <span aria-hidden="true">→&nbsp;</span>میز کار کارکنان
      </Link>
      {notice ? (
        <p role="status" className={`rounded border-2 p-4 font-bold ${notice.ok ? "border-success" : "border-danger"}`}>
          {notice.text}
        </p>
      ) : null}
      <h1>پیامک‌های نرسیده</h1>
      <p>
        پیامک‌هایی که درگاه پیامک نپذیرفته است. سامانه هر پیامک را چند بار با فاصله‌ای که هر بار دو برابر می‌شود دوباره می‌فرستد؛
        پیامکی که پس از آخرین تلاش هم نرسیده، «فرستاده نشد» است و پس از رفع مشکل درگاه می‌توانید آن را با «ارسال دوباره» یک دور کامل
        دیگر بفرستید. این کار ثبت می‌شود. متن کدهای یک‌بارمصرف نشان داده و دوباره فرستاده نمی‌شود.
      </p>
      <p>
        {total === 0 ? "همه پیامک‌ها فرستاده شده‌اند یا در صف ارسال‌اند." : `${toPersianDigits(total)} پیامک فرستاده نشده است؛ جدیدترین در بالا.`}
      </p>
      {messages.length > 0 ? (
        <ol className="space-y-4" aria-label="پیامک‌های نرسیده">
          {messages.map((message) => (
            <li key={message.id} className="space-y-3 rounded border border-brand-100 p-4">
              <h2 className="text-lg">
                {message.kind ? KIND_LABEL[message.kind] : "پیامک (نوع آن ثبت نشده است)"} به{" "}
                <span dir="ltr">{toPersianDigits(message.maskedTo)}</span>
              </h2>
              <DefinitionList
                items={[
                  { label: "زمان ثبت", value: formatTehranDateTime(message.createdAt) },
                  { label: "وضعیت", value: stateOf(message) },
                  { label: "تعداد تلاش", value: toPersianDigits(message.attempts) },
                  { label: "آخرین خطا", value: message.error ? <span dir="ltr" lang="en">{message.error}</span> : "ثبت نشده" },
                  {
                    label: "متن",
                    value: message.body ? (
                      <span className="whitespace-pre-line">
                        <MessageText text={message.body} />
                      </span>
                    ) : (
                      "نشان داده نمی‌شود"
                    ),
                  },
                ]}
              />
              {message.canRetry ? (
                <form action={retrySmsAction}>
                  <input type="hidden" name="messageId" value={message.id} />
                  <button type="submit" className="min-h-11 rounded border-2 border-brand-700 px-4 font-bold">
                    ارسال دوباره<span className="sr-only"> پیامک {message.kind ? KIND_LABEL[message.kind] : ""} به {toPersianDigits(message.maskedTo)}</span>
                  </button>
                </form>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
      {after || nextCursor ? (
        <nav aria-label="صفحه‌های فهرست" className="flex flex-wrap justify-between gap-4">
          {after ? (
            <Link href={PAGE} className="inline-flex min-h-11 items-center">
              <span aria-hidden="true">→&nbsp;</span>تازه‌ترین پیامک‌ها
            </Link>
          ) : (
            <span />
          )}
          {nextCursor ? (
            <Link href={`${PAGE}?after=${nextCursor}`} className="inline-flex min-h-11 items-center font-bold">
              پیامک‌های قدیمی‌تر<span aria-hidden="true">&nbsp;←</span>
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
