import type { TRequestKind, TRequestStatus } from "@/lib/domain/requests";
import { formatJalaliForDisplay, gregorianToJalali } from "@/lib/utils/jalali";
import { formatTrackingCode } from "@/lib/utils/tracking-code";
import { describeDeadline } from "./deadline-text";
import { KIND_LABEL, STATUS_LABEL } from "./labels";
import { MyRequestList, type MyRequestWords } from "./my-request-list";

export type MyRequestCardRow = {
  id: string;
  trackingCode: string;
  kind: TRequestKind;
  subject: string | null;
  status: TRequestStatus;
  createdAt: Date;
  dueAt: Date | null;
  workingDaysLeft: number | null;
};

/** A request in the words its applicant reads: Jalali dates, Persian digits, the deadline's phrase. */
export function myRequestWords(row: MyRequestCardRow): MyRequestWords {
  return {
    id: row.id,
    title: row.subject ?? KIND_LABEL[row.kind],
    status: row.status,
    statusLabel: STATUS_LABEL[row.status],
    facts: `${KIND_LABEL[row.kind]} · ثبت: ${formatJalaliForDisplay(gregorianToJalali(row.createdAt))}`,
    deadline: row.dueAt ? { words: describeDeadline(row.dueAt, row.workingDaysLeft) } : null,
    trackingCode: formatTrackingCode(row.trackingCode),
  };
}

/** «درخواست‌های من» as cards: the words made here, the cards rendered by a client component (docs/decisions/024). */
export function MyRequestCards({ rows }: { rows: MyRequestCardRow[] }) {
  return <MyRequestList rows={rows.map(myRequestWords)} />;
}
