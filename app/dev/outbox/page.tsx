import type { Metadata } from "next";
import { MessageText } from "@/components/message-text";
import { notFound } from "next/navigation";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/server/db/prisma";
import { listOutbox } from "@/lib/server/sms/list-outbox";
import { toPersianDigits } from "@/lib/utils/digits";
import { formatTehranDateTime } from "@/lib/utils/jalali";

export const metadata: Metadata = { title: "صندوق پیامک‌های آزمایشی", robots: { index: false } };

// Exists only in the demo (SMS_PROVIDER=outbox), where no message leaves the
// machine; production refuses the outbox at start-up, and this page checks again.
export default async function OutboxPage() {
  const config = getConfig();
  if (config.SMS_PROVIDER !== "outbox" || config.PORTAL_ENV === "production") notFound();
  const messages = await listOutbox({ db: await getDb(), limit: 200 });
  return (
    <div className="space-y-6">
      <h1>صندوق پیامک‌های آزمایشی</h1>
      <p className="max-w-3xl">
        این نسخه آزمایشی پیامک واقعی نمی‌فرستد. هر پیامکی که سامانه می‌فرستاد (کد یک‌بارمصرف، اطلاع‌رسانی درخواست‌ها)
        اینجا فهرست می‌شود؛ جدیدترین پیام در بالا است.
      </p>
      {messages.length === 0 ? (
        <p className="rounded border border-brand-100 bg-brand-50 p-4">هنوز پیامکی ارسال نشده است.</p>
      ) : (
        <ol className="space-y-3" aria-label="پیامک‌ها">
          {messages.map((message) => (
            <li key={message.id} className="rounded border border-brand-100 p-4">
              <p className="text-sm text-muted">
                به <span dir="ltr">{toPersianDigits(message.to)}</span>، {formatTehranDateTime(message.createdAt)}
              </p>
              <p className="mt-1 whitespace-pre-line">
                <MessageText text={message.body} />
              </p>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
