import type { TRequestEventType } from "@/lib/domain/requests";
import { formatJalaliForDisplay, formatTehranDateTime, gregorianToJalali } from "@/lib/utils/jalali";
import { HistoryList, type HistoryItemWords } from "./history-list";
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

/** A request's events in the words of its reader (the applicant or staff). */
function historyWords(entries: HistoryEntry[], reader: "applicant" | "staff" = "applicant"): HistoryItemWords[] {
  const labels = reader === "staff" ? STAFF_EVENT_LABEL : EVENT_LABEL;
  return entries.map((entry) => ({
    id: entry.id,
    title: entry.title ?? labels[entry.type],
    when: entry.by ? `${formatTehranDateTime(entry.at)} · ${entry.by}` : formatTehranDateTime(entry.at),
    reason: (entry.reasonCode && REASON_LABEL[entry.reasonCode]) || null,
    moved: entry.previousDueAt && entry.newDueAt ? `از ${day(entry.previousDueAt)} به ${day(entry.newDueAt)}` : null,
    note: entry.note || null,
  }));
}

/** «سابقه درخواست»: a request's events, oldest first, in the words of its reader (the applicant or staff). */
export function RequestHistory({ entries, reader = "applicant" }: { entries: HistoryEntry[]; reader?: "applicant" | "staff" }) {
  return <HistoryList items={historyWords(entries, reader)} />;
}
