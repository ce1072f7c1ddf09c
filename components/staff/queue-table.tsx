import { DeadlinePhrase } from "@/components/requests/deadline-text";
import { KIND_LABEL } from "@/components/requests/labels";
import { StatusBadge } from "@/components/requests/status-badge";
import type { TRequestKind, TRequestStatus } from "@/lib/domain/requests";
import { toPersianDigits } from "@/lib/utils/digits";
import { formatJalaliForDisplay, gregorianToJalali } from "@/lib/utils/jalali";
import { formatTrackingCode } from "@/lib/utils/tracking-code";

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
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className={row.overdue ? "overdue" : undefined}>
              <td>
                {/* A plain link, not next/link: one per row costs the phone hydration and prefetching (docs/decisions/009). */}
                <a href={`/staff/requests/${row.id}`} dir="ltr">
                  {formatTrackingCode(row.trackingCode)}
                </a>
              </td>
              {/* Text, not wrapping elements, wherever a line can be plain: every element is paid for on every row (docs/decisions/010). */}
              <td>
                {KIND_LABEL[row.kind]}
                {row.subject ? <small>{row.subject}</small> : null}
                {row.duplicate ? <strong className="text-danger">پرونده تکراری</strong> : null}
              </td>
              <td>
                {row.applicantName ?? "—"}
                <small>{`${toPersianDigits(row.applicantNationalId)} · ثبت: ${formatJalaliForDisplay(gregorianToJalali(row.createdAt))}`}</small>
              </td>
              <td>
                <StatusBadge status={row.status} reader="staff" />
              </td>
              <td>
                <DeadlinePhrase dueAt={row.dueAt} workingDaysLeft={row.workingDaysLeft} />
              </td>
              <td>
                {row.assignee ? (row.assignee.id === currentStaffId ? <strong>خودم</strong> : row.assignee.name) : <span className="text-muted">بدون کارشناس</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
