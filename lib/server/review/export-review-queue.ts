import "server-only";
import { AppError } from "@/lib/errors";
import type { TQueueFilters } from "@/lib/schemas/review";
import type { Db } from "@/lib/server/db/prisma";
import { tehranDate } from "@/lib/utils/working-days";
import { queueOrder, queueSelect, queueWhere } from "./list-review-queue";
import { recordAudit } from "./record-audit";
import { canWorkOnFiles, type StaffActor } from "./staff-access";

/** At most this many rows per export; the queue of open requests of one branch is far smaller. */
export const EXPORT_LIMIT = 10_000;

const STATUS_FA: Record<string, string> = { SUBMITTED: "در انتظار بررسی", IN_REVIEW: "در حال بررسی", RETURNED: "منتظر مدارک متقاضی" };
const KIND_FA: Record<string, string> = { DEPENDENT_ENROLMENT: "نام‌نویسی فرد تحت تکفل", QUESTION: "پیگیری و پرسش" };

/** A cell as CSV: quoted, and never read as a formula by a spreadsheet (CSV injection). */
export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * The branch queue with the page's filters, as CSV (UTF-8 with BOM so Excel
 * reads Persian). The export is written to the audit log.
 */
export async function exportReviewQueue({ db, staff, filters, now = new Date() }: { db: Db; staff: StaffActor; filters: TQueueFilters; now?: Date }): Promise<string> {
  if (!canWorkOnFiles(staff)) throw new AppError("NOT_FOUND");
  const rows = await db.request.findMany({
    where: queueWhere(staff, filters, now),
    orderBy: queueOrder(filters.sort),
    take: EXPORT_LIMIT,
    select: queueSelect,
  });
  await recordAudit(db, { staffId: staff.accountId, action: "EXPORT_QUEUE", detail: `${rows.length} ردیف` }, now);
  const header = ["کد رهگیری", "نوع", "وضعیت", "موضوع", "کد ملی متقاضی", "نام متقاضی", "تاریخ ثبت", "موعد", "گذشته از موعد", "کارشناس", "تکراری"];
  const lines = rows.map((row) =>
    [
      row.trackingCode,
      KIND_FA[row.kind] ?? row.kind,
      STATUS_FA[row.status] ?? row.status,
      row.subject,
      row.applicantNationalId,
      row.citizen ? `${row.citizen.firstName} ${row.citizen.lastName}` : "",
      tehranDate(row.createdAt),
      row.dueAt ? tehranDate(row.dueAt) : "",
      row.dueAt && row.dueAt < now ? "بله" : "خیر",
      row.assignedStaff ? `${row.assignedStaff.firstName} ${row.assignedStaff.lastName}` : "",
      row.enrolment?.duplicateOfNationalId ? "بله" : "خیر",
    ]
      .map(csvCell)
      .join(","),
  );
  return `\uFEFF${[header.map(csvCell).join(","), ...lines].join("\r\n")}\r\n`;
}
