import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { UndeliveredList } from "@/components/admin/undelivered-list";
import { MessageText } from "@/components/message-text";
import type { SmsKind } from "@/lib/generated/prisma/enums";
import { requireStaff } from "@/lib/server/auth/require-staff";
import { getDb } from "@/lib/server/db/prisma";
import { listUndeliveredSms } from "@/lib/server/sms/list-undelivered-sms";
import { canManageUndeliveredSms } from "@/lib/server/sms/manage-undelivered-sms-policy";
import { toPersianDigits } from "@/lib/utils/digits";
import { retrySmsAction } from "./actions";

export const metadata: Metadata = { title: "پیامک‌های نرسیده" };

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
  return (
    <UndeliveredList
      title="پیامک‌های نرسیده"
      intro={
        "پیامک‌هایی که درگاه پیامک نپذیرفته است. سامانه هر پیامک را چند بار با فاصله‌ای که هر بار دو برابر می‌شود دوباره می‌فرستد؛ " +
        "پیامکی که پس از آخرین تلاش هم نرسیده، «فرستاده نشد» است و پس از رفع مشکل درگاه می‌توانید آن را با «ارسال دوباره» یک دور کامل " +
        "دیگر بفرستید. این کار ثبت می‌شود. متن کدهای یک‌بارمصرف نشان داده و دوباره فرستاده نمی‌شود."
      }
      summary={total === 0 ? "همه پیامک‌ها فرستاده شده‌اند یا در صف ارسال‌اند." : `${toPersianDigits(total)} پیامک فرستاده نشده است؛ جدیدترین در بالا.`}
      notice={typeof done === "string" ? NOTICES[done] : undefined}
      items={messages.map((message) => {
        const kind = message.kind ? KIND_LABEL[message.kind] : "";
        return {
          ...message,
          heading: (
            <>
              {message.kind ? kind : "پیامک (نوع آن ثبت نشده است)"} به <span dir="ltr">{toPersianDigits(message.maskedTo)}</span>
            </>
          ),
          details: [
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
          ],
          retry: message.canRetry ? { srLabel: `پیامک ${kind} به ${toPersianDigits(message.maskedTo)}` } : null,
        };
      })}
      retryAction={retrySmsAction}
      retryField="messageId"
      pager={{ page: "/staff/admin/messages", after, nextCursor, newest: "تازه‌ترین پیامک‌ها", older: "پیامک‌های قدیمی‌تر" }}
    />
  );
}
