import type { Metadata } from "next";
import { BackLink } from "@/components/back-link";
import { MessageText } from "@/components/message-text";
import { listMyMessages } from "@/lib/server/accounts/list-my-messages";
import { requireCitizenFile } from "@/lib/server/auth/require-citizen";
import { recordMandateUse } from "@/lib/server/mandates/record-mandate-use";
import { getDb } from "@/lib/server/db/prisma";
import type { MyMessage } from "@/lib/server/accounts/list-my-messages";
import { formatTehranDateTime } from "@/lib/utils/jalali";

export const metadata: Metadata = { title: "پیام‌ها" };

// Where each message is, in the person's words: the outbox retries a failed message on its own.
function deliveryState(message: Pick<MyMessage, "status" | "sentAt" | "createdAt">): string {
  switch (message.status) {
    case "SENT":
      return `فرستاده شد، ${formatTehranDateTime(message.sentAt ?? message.createdAt)}`;
    case "QUEUED":
      return "در صف ارسال";
    case "FAILED":
      return "هنوز فرستاده نشده است؛ سامانه دوباره تلاش می‌کند";
    case "DEAD":
      return "فرستاده نشد؛ متن آن همین‌جا در دسترس است";
  }
}

export default async function MessagesPage() {
  const { owner, helper } = await requireCitizenFile("VIEW");
  const messages = await listMyMessages({ db: await getDb(), citizenId: owner.accountId });
  await recordMandateUse(await getDb(), helper, "VIEW_MESSAGES");
  return (
    <div className="max-w-3xl space-y-6">
      <BackLink href="/account">خدمات من</BackLink>
      <h1>پیام‌ها</h1>
      <p>پیامک‌هایی که سامانه درباره درخواست‌های شما فرستاده است یا در حال فرستادن آن است؛ جدیدترین در بالا.</p>
      {messages.length === 0 ? (
        <p className="rounded border border-brand-100 p-4">هنوز پیامی برای شما فرستاده نشده است.</p>
      ) : (
        <ol className="space-y-3" aria-label="پیام‌ها">
          {messages.map((message) => (
            <li key={message.id} className="rounded border border-brand-100 p-4">
              <p className="text-sm text-muted">{formatTehranDateTime(message.createdAt)}</p>
              <p className="mt-1 whitespace-pre-line">
                <MessageText text={message.body} />
              </p>
              <p className="mt-1 text-sm">وضعیت: {deliveryState(message)}</p>
              {message.email ? (
                <p className="mt-1 text-sm">
                  ایمیل به{" "}
                  <span dir="ltr" className="break-all">
                    {message.email.to}
                  </span>: {deliveryState({ ...message.email, createdAt: message.createdAt })}
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
