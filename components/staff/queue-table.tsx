import { DeadlineText } from "@/components/requests/deadline-text";
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
      <table className="w-full border-collapse text-start">
        <caption className="sr-only">درخواست‌های باز شعبه</caption>
        <thead>
          <tr className="border-b-2 border-ink">
            <th scope="col" className="p-2 text-start">کد رهگیری</th>
            <th scope="col" className="p-2 text-start">درخواست</th>
            <th scope="col" className="p-2 text-start">متقاضی</th>
            <th scope="col" className="p-2 text-start">وضعیت</th>
            <th scope="col" className="p-2 text-start">موعد</th>
            <th scope="col" className="p-2 text-start">کارشناس</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className={`border-b border-brand-100 align-top ${row.overdue ? "bg-danger/5" : ""}`}>
              <td className="p-2">
                {/* A plain link, not next/link: one per row costs the phone hydration and prefetching (docs/decisions/009). */}
                <a href={`/staff/requests/${row.id}`} className="font-bold" dir="ltr">
                  {formatTrackingCode(row.trackingCode)}
                </a>
              </td>
              <td className="p-2">
                <span className="block">{KIND_LABEL[row.kind]}</span>
                {row.subject ? <span className="block text-sm text-muted">{row.subject}</span> : null}
                {row.duplicate ? <strong className="block text-sm text-danger">پرونده تکراری</strong> : null}
              </td>
              <td className="p-2">
                <span className="block">{row.applicantName ?? "—"}</span>
                <span className="block text-sm text-muted" dir="ltr">
                  {toPersianDigits(row.applicantNationalId)}
                </span>
                <span className="block text-sm text-muted">ثبت: {formatJalaliForDisplay(gregorianToJalali(row.createdAt))}</span>
              </td>
              <td className="p-2">
                <StatusBadge status={row.status} />
              </td>
              <td className="p-2">
                <DeadlineText dueAt={row.dueAt} workingDaysLeft={row.workingDaysLeft} />
              </td>
              <td className="p-2">
                {row.assignee ? (row.assignee.id === currentStaffId ? <strong>خودم</strong> : row.assignee.name) : <span className="text-muted">بدون کارشناس</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
