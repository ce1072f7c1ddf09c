import type { TRequestEventType } from "@/lib/domain/requests";
import { formatJalaliForDisplay, formatTehranDateTime, gregorianToJalali } from "@/lib/utils/jalali";
import { EVENT_LABEL, REASON_LABEL, STAFF_EVENT_LABEL } from "./labels";

export type HistoryEntry = {
  id: string;
  type: TRequestEventType;
  at: Date;
  reasonCode: string | null;
  /** Instead of the event's usual words (e.g. who a request was handed to). */
  title?: string;
  /** Who did it, for staff; citizens see only what happened. */
  by?: string;
  note?: string | null;
  /** For a due date moved by a change of the calendar: the due date before and after. */
  previousDueAt?: Date | null;
  newDueAt?: Date | null;
};

const day = (date: Date) => formatJalaliForDisplay(gregorianToJalali(date));

/** «سابقه درخواست»: a request's events, oldest first, in the words of its reader (the applicant or staff). */
export function RequestHistory({ entries, reader = "applicant" }: { entries: HistoryEntry[]; reader?: "applicant" | "staff" }) {
  const labels = reader === "staff" ? STAFF_EVENT_LABEL : EVENT_LABEL;
  return (
    <section aria-labelledby="history" className="space-y-3">
      <h2 id="history">سابقه درخواست</h2>
      <ol className="space-y-3 border-s-2 border-brand-100 ps-4">
        {entries.map((entry) => (
          <li key={entry.id}>
            <p className="font-bold">{entry.title ?? labels[entry.type]}</p>
            <p className="text-sm text-muted">
              {formatTehranDateTime(entry.at)}
              {entry.by ? ` · ${entry.by}` : null}
            </p>
            {entry.reasonCode && REASON_LABEL[entry.reasonCode] ? <p>{REASON_LABEL[entry.reasonCode]}</p> : null}
            {entry.previousDueAt && entry.newDueAt ? (
              <p>
                از {day(entry.previousDueAt)} به {day(entry.newDueAt)}
              </p>
            ) : null}
            {entry.note ? <p className="whitespace-pre-line">{entry.note}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
