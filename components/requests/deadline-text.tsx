import { toPersianDigits } from "@/lib/utils/digits";
import { formatJalaliForDisplay, gregorianToJalali } from "@/lib/utils/jalali";
import { DeadlineSpan, PausedSpan, type DeadlineWords, type PausedWords } from "./deadline-phrase";

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
  return <DeadlineSpan words={describeDeadline(dueAt, workingDaysLeft)} />;
}

/**
 * A stopped deadline in words: since when the request waits on the applicant's
 * documents, and how many working days will be left once they arrive, in the
 * words of the reader (the applicant, or staff).
 */
export function describePause(since: Date, workingDaysLeft: number, reader: "applicant" | "staff"): PausedWords {
  const date = formatJalaliForDisplay(gregorianToJalali(since));
  const waitingOn = reader === "staff" ? "در انتظار مدارک متقاضی" : "در انتظار مدارک شما";
  const arrive = reader === "staff" ? "پس از رسیدن مدارک" : "پس از ارسال مدارک";
  const after =
    workingDaysLeft > 0
      ? `${arrive}، ${toPersianDigits(workingDaysLeft)} روز کاری برای پاسخ باقی می‌ماند.`
      : `موعد پیش از برگشت درخواست به سر رسیده بود؛ ${arrive} پاسخ بی‌درنگ لازم است.`;
  return { since: ` از ${date}، ${waitingOn}. `, after };
}

/** A deadline stopped while the request waits on the applicant's documents (`describePause`). */
export function PausedDeadlineText({ since, workingDaysLeft, reader }: { since: Date; workingDaysLeft: number; reader: "applicant" | "staff" }) {
  return <PausedSpan words={describePause(since, workingDaysLeft, reader)} />;
}
