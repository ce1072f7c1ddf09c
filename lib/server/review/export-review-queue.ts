import "server-only";
import { requestKindLabel } from "@/lib/domain/request-kinds";
import { STAFF_STATUS_LABEL } from "@/lib/domain/request-statuses";
import { AppError } from "@/lib/errors";
import type { TQueueFilters } from "@/lib/schemas/review";
import type { Db } from "@/lib/server/db/prisma";
import { toPersianDigits } from "@/lib/utils/digits";
import { formatJalaliDate, gregorianToJalali } from "@/lib/utils/jalali";
import { queueOrder, queueSelect, queueWhere } from "./list-review-queue";
import { recordAudit } from "./record-audit";
import { canWorkOnFiles, type StaffActor } from "./staff-access";

/** At most this many rows per export; the queue of open requests of one branch is far smaller. */
export const EXPORT_LIMIT = 10_000;

/** A cell as CSV: quoted, and never read as a formula by a spreadsheet (CSV injection). */
export function csvCell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

/** A date in Tehran on the official (Jalali) calendar, YYYY/MM/DD in ASCII digits so a spreadsheet sorts it. */
const jalaliDay = (instant: Date) => formatJalaliDate(gregorianToJalali(instant));

/**
 * The branch queue with the page's filters, as CSV (UTF-8 with BOM so Excel
 * reads Persian). Dates are Jalali for people, with ISO 8601 instants in their own
 * columns for machines. When the queue has more rows than the limit, the last line
 * says the list was cut and how to get the rest, rather than cutting silently.
 * The export is written to the audit log.
 */
export async function exportReviewQueue({
  db,
  staff,
  filters,
  now = new Date(),
  limit = EXPORT_LIMIT,
}: {
  db: Db;
  staff: StaffActor;
  filters: TQueueFilters;
  now?: Date;
  limit?: number;
}): Promise<string> {
  if (!canWorkOnFiles(staff)) throw new AppError("NOT_FOUND");
  const found = await db.request.findMany({
    where: queueWhere(staff, filters, now),
    orderBy: queueOrder(filters.sort),
    take: limit + 1,
    select: queueSelect,
  });
  const cut = found.length > limit;
  const rows = cut ? found.slice(0, limit) : found;
  await recordAudit(db, { staffId: staff.accountId, action: "EXPORT_QUEUE", detail: cut ? `${rows.length} ردیف (بریده‌شده)` : `${rows.length} ردیف` }, now);
  const header = [
    "کد رهگیری",
    "نوع",
    "وضعیت",
    "موضوع",
    "کد ملی متقاضی",
    "نام متقاضی",
    "تاریخ ثبت",
    "موعد",
    "گذشته از موعد",
    "کارشناس",
    "تکراری",
    "زمان ثبت (ISO 8601)",
    "موعد (ISO 8601)",
  ];
  const lines = rows.map((row) =>
    [
      row.trackingCode,
      requestKindLabel(row.kind),
      STAFF_STATUS_LABEL[row.status],
      row.subject,
      row.applicantNationalId,
      row.citizen ? `${row.citizen.firstName} ${row.citizen.lastName}` : "",
      jalaliDay(row.createdAt),
      row.dueAt ? jalaliDay(row.dueAt) : "",
      row.dueAt && row.dueAt < now ? "بله" : "خیر",
      row.assignedStaff ? `${row.assignedStaff.firstName} ${row.assignedStaff.lastName}` : "",
      row.enrolment?.duplicateOfNationalId ? "بله" : "خیر",
      row.createdAt.toISOString(),
      row.dueAt ? row.dueAt.toISOString() : "",
    ]
      .map(csvCell)
      .join(","),
  );
  if (cut) {
    const count = toPersianDigits(limit);
    lines.push(csvCell(`فهرست بریده شد: فقط ${count} ردیف نخست آمده است. برای بقیه، فهرست را با نوع، وضعیت یا جست‌وجو کوچک‌تر کنید و دوباره بگیرید.`));
  }
  return `\uFEFF${[header.map(csvCell).join(","), ...lines].join("\r\n")}\r\n`;
}
