import { toPersianDigits } from "@/lib/utils/digits";
import { formatJalaliForDisplay, gregorianToJalali } from "@/lib/utils/jalali";

export type DeadlineWords = { date: string; note: string; tone: "open" | "today" | "overdue" };

/**
 * A deadline in words: the Jalali date, and how many working days are left or
 * how late it is. Null when there is no running deadline (answered, closed, or
 * paused while the applicant sends documents).
 */
export function describeDeadline(dueAt: Date | null, workingDaysLeft: number | null): DeadlineWords | null {
  if (!dueAt || workingDaysLeft === null) return null;
  const date = formatJalaliForDisplay(gregorianToJalali(dueAt));
  if (workingDaysLeft > 0) return { date, note: `(${toPersianDigits(workingDaysLeft)} روز کاری مانده)`, tone: "open" };
  if (workingDaysLeft === 0) return { date, note: "(موعد امروز)", tone: "today" };
  return { date, note: `(${toPersianDigits(-workingDaysLeft)} روز کاری از موعد گذشته)`, tone: "overdue" };
}

/** "۱۲ آذر ۱۴۰۵ (۲ روز کاری مانده)", the note set apart: for a request's own page. */
export function DeadlineText({ dueAt, workingDaysLeft }: { dueAt: Date | null; workingDaysLeft: number | null }) {
  const words = describeDeadline(dueAt, workingDaysLeft);
  if (!words) return <span className="text-muted">—</span>;
  if (words.tone === "open") {
    return (
      <span>
        {`${words.date} `}
        <span className="text-muted">{words.note}</span>
      </span>
    );
  }
  return (
    <span>
      {`${words.date} `}
      <strong className={words.tone === "overdue" ? "text-danger" : undefined}>{words.note}</strong>
    </span>
  );
}

/**
 * A deadline stopped while the request waits on the applicant's documents: since
 * when, and how many working days will be left once they arrive, in the words of
 * the reader (the applicant, or staff).
 */
export function PausedDeadlineText({ since, workingDaysLeft, reader }: { since: Date; workingDaysLeft: number; reader: "applicant" | "staff" }) {
  const date = formatJalaliForDisplay(gregorianToJalali(since));
  const waitingOn = reader === "staff" ? "در انتظار مدارک متقاضی" : "در انتظار مدارک شما";
  const arrive = reader === "staff" ? "پس از رسیدن مدارک" : "پس از ارسال مدارک";
  const after =
    workingDaysLeft > 0
      ? `${arrive}، ${toPersianDigits(workingDaysLeft)} روز کاری برای پاسخ باقی می‌ماند.`
      : `موعد پیش از برگشت درخواست به سر رسیده بود؛ ${arrive} پاسخ بی‌درنگ لازم است.`;
  return (
    <span>
      <strong>متوقف شده</strong>
      {` از ${date}، ${waitingOn}. `}
      <span className="text-muted">{after}</span>
    </span>
  );
}
