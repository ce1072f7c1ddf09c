import { describeDeadline } from "@/components/requests/deadline-text";
import { KIND_LABEL, STAFF_STATUS_LABEL } from "@/components/requests/labels";
import type { TRequestKind, TRequestStatus } from "@/lib/domain/requests";
import { toPersianDigits } from "@/lib/utils/digits";
import { formatJalaliForDisplay, gregorianToJalali } from "@/lib/utils/jalali";
import { formatTrackingCode } from "@/lib/utils/tracking-code";
import { QueueRows, type QueueRowWords } from "./queue-rows";

export type QueueTableRow = {
  id: string;
  trackingCode: string;
  kind: TRequestKind;
  status: TRequestStatus;
  subject: string | null;
  applicantNationalId: string;
  applicantName: string | null;
  createdAt: Date;
  dueAt: Date | null;
  workingDaysLeft: number | null;
  overdue: boolean;
  assignee: { id: string; name: string } | null;
  duplicate: boolean;
};

/** A row in the words the officer reads: Persian digits, Jalali dates, the deadline's phrase. */
export function queueRowWords(row: QueueTableRow, currentStaffId: string): QueueRowWords {
  return {
    id: row.id,
    trackingCode: formatTrackingCode(row.trackingCode),
    kind: KIND_LABEL[row.kind],
    subject: row.subject,
    duplicate: row.duplicate,
    applicant: row.applicantName ?? "—",
    applicantLine: `${toPersianDigits(row.applicantNationalId)} · ثبت: ${formatJalaliForDisplay(gregorianToJalali(row.createdAt))}`,
    status: row.status,
    statusLabel: STAFF_STATUS_LABEL[row.status],
    deadline: describeDeadline(row.dueAt, row.workingDaysLeft),
    overdue: row.overdue,
    assignee: row.assignee?.name ?? null,
    mine: row.assignee?.id === currentStaffId,
  };
}

/** The branch queue; on a phone each row reads as a card (the table scrolls sideways only if it must). */
export function QueueTable({ rows, currentStaffId }: { rows: QueueTableRow[]; currentStaffId: string }) {
  return (
    <div className="overflow-x-auto">
      <table className="queue-table">
        <caption className="sr-only">درخواست‌های باز شعبه</caption>
        <thead>
          <tr>
            <th scope="col">کد رهگیری</th>
            <th scope="col">درخواست</th>
            <th scope="col">متقاضی</th>
            <th scope="col">وضعیت</th>
            <th scope="col">موعد</th>
            <th scope="col">کارشناس</th>
          </tr>
        </thead>
        <QueueRows rows={rows.map((row) => queueRowWords(row, currentStaffId))} />
      </table>
    </div>
  );
}
