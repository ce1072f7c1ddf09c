import type { ReactNode } from "react";
import { BackLink } from "@/components/back-link";
import { DefinitionList } from "@/components/definition-list";
import { KeysetPager } from "@/components/keyset-pager";
import { toPersianDigits } from "@/lib/utils/digits";
import { formatTehranDateTime } from "@/lib/utils/jalali";

/** One message of an outbox the administrator sees: text messages or emails (docs/decisions/017, 018). */
export type UndeliveredItem = {
  id: string;
  heading: ReactNode;
  createdAt: Date;
  status: "FAILED" | "DEAD";
  nextAttemptAt: Date | null;
  attempts: number;
  error: string | null;
  /** What else to show of the message (its subject, its text...). */
  details: { label: string; value: ReactNode }[];
  /** «ارسال دوباره», with the words a screen reader adds to tell the buttons apart; null when it cannot be sent again. */
  retry: { srLabel: string } | null;
};

function stateOf(item: UndeliveredItem): string {
  if (item.status === "DEAD") return "فرستاده نشد؛ سامانه دیگر تلاش نمی‌کند";
  return item.nextAttemptAt
    ? // About: on PostgreSQL pg-boss adds its own jitter to the wait.
      `هنوز فرستاده نشده؛ تلاش بعدی حدود ${formatTehranDateTime(item.nextAttemptAt)}`
    : "هنوز فرستاده نشده؛ سامانه دوباره تلاش می‌کند";
}

/**
 * «پیامک‌های نرسیده» and «ایمیل‌های نرسیده»: the outcome of the last «ارسال دوباره», the
 * page's words, and the messages not delivered, newest first, a page at a time.
 */
export function UndeliveredList({
  title,
  intro,
  summary,
  notice,
  items,
  retryAction,
  retryField,
  pager,
}: {
  title: string;
  intro: ReactNode;
  /** How many there are, in words. */
  summary: string;
  notice: { text: string; ok: boolean } | undefined;
  items: UndeliveredItem[];
  retryAction: (formData: FormData) => Promise<void>;
  /** The name of the form field that carries the message's id. */
  retryField: string;
  pager: { page: string; after: string | undefined; nextCursor: string | null; newest: string; older: string };
}) {
  return (
    <div className="max-w-3xl space-y-6">
      <BackLink href="/staff">میز کار کارکنان</BackLink>
      {notice ? (
        <p role="status" className={`rounded border-2 p-4 font-bold ${notice.ok ? "border-success" : "border-danger"}`}>
          {notice.text}
        </p>
      ) : null}
      <h1>{title}</h1>
      <p>{intro}</p>
      <p>{summary}</p>
      {items.length > 0 ? (
        <ol className="space-y-4" aria-label={title}>
          {items.map((item) => (
            <li key={item.id} className="space-y-3 rounded border border-brand-100 p-4">
              <h2 className="text-lg">{item.heading}</h2>
              <DefinitionList
                items={[
                  { label: "زمان ثبت", value: formatTehranDateTime(item.createdAt) },
                  { label: "وضعیت", value: stateOf(item) },
                  { label: "تعداد تلاش", value: toPersianDigits(item.attempts) },
                  { label: "آخرین خطا", value: item.error ? <span dir="ltr" lang="en">{item.error}</span> : "ثبت نشده" },
                  ...item.details,
                ]}
              />
              {item.retry ? (
                <form action={retryAction}>
                  <input type="hidden" name={retryField} value={item.id} />
                  <button type="submit" className="min-h-11 rounded border-2 border-brand-700 px-4 font-bold">
                    ارسال دوباره<span className="sr-only"> {item.retry.srLabel}</span>
                  </button>
                </form>
              ) : null}
            </li>
          ))}
        </ol>
      ) : null}
      <KeysetPager {...pager} />
    </div>
  );
}
