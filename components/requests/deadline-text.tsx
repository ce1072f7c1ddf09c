import { toPersianDigits } from "@/lib/utils/digits";
import { formatJalaliForDisplay, gregorianToJalali } from "@/lib/utils/jalali";

/** "due ۱۲ آذر ۱۴۰۵ (۲ روز کاری مانده)" or "overdue by n working days". Whole strings, not fragments: lists render it on every row. */
export function DeadlineText({ dueAt, workingDaysLeft }: { dueAt: Date | null; workingDaysLeft: number | null }) {
  if (!dueAt || workingDaysLeft === null) return <span className="text-muted">—</span>;
  const date = `${formatJalaliForDisplay(gregorianToJalali(dueAt))} `;
  if (workingDaysLeft > 0) {
    return (
      <span>
        {date}
        <span className="text-muted">{`(${toPersianDigits(workingDaysLeft)} روز کاری مانده)`}</span>
      </span>
    );
  }
  if (workingDaysLeft === 0) {
    return (
      <span>
        {date}
        <strong>(موعد امروز)</strong>
      </span>
    );
  }
  return (
    <span>
      {date}
      <strong className="text-danger">{`(${toPersianDigits(-workingDaysLeft)} روز کاری از موعد گذشته)`}</strong>
    </span>
  );
}
