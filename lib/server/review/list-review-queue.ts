import "server-only";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { RequestKind, RequestStatus } from "@/lib/generated/prisma/enums";
import { QUEUE_KINDS, type TQueueFilters } from "@/lib/schemas/review";
import { getWorkCalendar } from "@/lib/server/calendar/get-work-calendar";
import type { Db } from "@/lib/server/db/prisma";
import { isUuid } from "@/lib/utils/uuid";
import { workingDaysUntil } from "@/lib/utils/working-days";
import { canWorkOnFiles, OPEN_STATUSES, type StaffActor } from "./staff-access";

export const QUEUE_PAGE_SIZE = 25;

export type QueueRow = {
  id: string;
  trackingCode: string;
  kind: RequestKind;
  status: RequestStatus;
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

export type QueuePage = { rows: QueueRow[]; nextCursor: string | null };

type Cursor = { d: string | null; c: string; i: string };

const encodeCursor = (row: { dueAt: Date | null; createdAt: Date; id: string }) =>
  Buffer.from(JSON.stringify({ d: row.dueAt?.toISOString() ?? null, c: row.createdAt.toISOString(), i: row.id } satisfies Cursor)).toString("base64url");

function decodeCursor(raw: string | undefined): Cursor | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as Partial<Cursor>;
    const isDate = (v: unknown) => typeof v === "string" && !Number.isNaN(Date.parse(v));
    if (typeof value.i !== "string" || !isUuid(value.i) || !isDate(value.c) || !(value.d === null || isDate(value.d))) return null;
    return value as Cursor;
  } catch {
    return null;
  }
}

/**
 * Rows after the cursor in the page's order (keyset pagination: as fast on page
 * 1,000 as on page 1). Each bound repeats the leading column as a range
 * (`createdAt <= c`, `dueAt >= d`) so PostgreSQL starts the index scan at the
 * cursor instead of filtering every row before it.
 */
function afterNewest(cursor: Cursor): Prisma.RequestWhereInput {
  const c = new Date(cursor.c);
  return { createdAt: { lte: c }, OR: [{ createdAt: { lt: c } }, { id: { lt: cursor.i } }] };
}

/**
 * By deadline, soonest first; requests without a deadline (decided, or waiting on
 * the applicant) last. Read as two ordered parts, each straight off an index:
 * the rows with a deadline after the cursor, then (on the page where those run
 * out) the rows without one.
 */
function dueParts(cursor: Cursor | null): { withDeadline: Prisma.RequestWhereInput | null; withoutDeadline: Prisma.RequestWhereInput } {
  if (cursor && cursor.d === null) return { withDeadline: null, withoutDeadline: { dueAt: null, id: { gt: cursor.i } } };
  if (!cursor) return { withDeadline: { dueAt: { not: null } }, withoutDeadline: { dueAt: null } };
  const d = new Date(cursor.d!);
  return { withDeadline: { dueAt: { gte: d }, OR: [{ dueAt: { gt: d } }, { id: { gt: cursor.i } }] }, withoutDeadline: { dueAt: null } };
}

/** The filters as a where clause, scoped to the officer's branch (also used by the CSV export). */
export function queueWhere(staff: StaffActor & { branchId: string }, filters: TQueueFilters, now: Date): Prisma.RequestWhereInput {
  const and: Prisma.RequestWhereInput[] = [];
  if (filters.q) {
    and.push({ OR: [{ trackingCode: filters.q }, { applicantNationalId: filters.q }, { enrolment: { dependentNationalId: filters.q } }] });
  }
  return {
    branchId: staff.branchId,
    kind: filters.kind ?? { in: [...QUEUE_KINDS] },
    status: filters.status ?? { in: [...OPEN_STATUSES] },
    ...(filters.overdue ? { dueAt: { lt: now } } : {}),
    ...(filters.mine ? { assignedStaffId: staff.accountId } : filters.unassigned ? { assignedStaffId: null } : {}),
    ...(and.length ? { AND: and } : {}),
  };
}

export const queueOrder = (sort: TQueueFilters["sort"]): Prisma.RequestOrderByWithRelationInput[] =>
  sort === "newest" ? [{ createdAt: "desc" }, { id: "desc" }] : [{ dueAt: { sort: "asc", nulls: "last" } }, { id: "asc" }];

export const queueSelect = {
  id: true,
  trackingCode: true,
  kind: true,
  status: true,
  subject: true,
  applicantNationalId: true,
  createdAt: true,
  dueAt: true,
  citizen: { select: { firstName: true, lastName: true } },
  assignedStaff: { select: { id: true, firstName: true, lastName: true } },
  enrolment: { select: { duplicateOfNationalId: true } },
} as const satisfies Prisma.RequestSelect;

/**
 * The open requests of the officer's branch, one page at a time, with the
 * working days left on each. Administrators have no queue (NOT_FOUND).
 */
export async function listReviewQueue({
  db,
  staff,
  filters,
  pageSize = QUEUE_PAGE_SIZE,
  now = new Date(),
}: {
  db: Db;
  staff: StaffActor;
  filters: TQueueFilters;
  pageSize?: number;
  now?: Date;
}): Promise<QueuePage> {
  if (!canWorkOnFiles(staff)) throw new AppError("NOT_FOUND");
  const cursor = decodeCursor(filters.after);
  const where = queueWhere(staff, filters, now);
  const page = (part: Prisma.RequestWhereInput | null, orderBy: Prisma.RequestOrderByWithRelationInput[]) =>
    db.request.findMany({ where: part ? { AND: [where, part] } : where, orderBy, take: pageSize + 1, select: queueSelect });
  const byDeadline = filters.sort === "newest" ? null : dueParts(cursor);
  const rows = async () => {
    if (!byDeadline) return page(cursor ? afterNewest(cursor) : null, queueOrder("newest"));
    const withDeadline = byDeadline.withDeadline ? await page(byDeadline.withDeadline, [{ dueAt: "asc" }, { id: "asc" }]) : [];
    // Only the page where the deadlines run out reads the requests without one.
    if (withDeadline.length > pageSize) return withDeadline;
    return [...withDeadline, ...(await page(byDeadline.withoutDeadline, [{ id: "asc" }]))];
  };
  const [all, calendar] = await Promise.all([rows(), getWorkCalendar({ db, now })]);
  const found = all.slice(0, pageSize + 1);
  const shown = found.slice(0, pageSize);
  return {
    rows: shown.map((row) => ({
      id: row.id,
      trackingCode: row.trackingCode,
      kind: row.kind,
      status: row.status,
      subject: row.subject,
      applicantNationalId: row.applicantNationalId,
      applicantName: row.citizen ? `${row.citizen.firstName} ${row.citizen.lastName}` : null,
      createdAt: row.createdAt,
      dueAt: row.dueAt,
      workingDaysLeft: row.dueAt ? workingDaysUntil({ dueAt: row.dueAt, now, calendar }) : null,
      overdue: row.dueAt !== null && row.dueAt.getTime() < now.getTime(),
      assignee: row.assignedStaff ? { id: row.assignedStaff.id, name: `${row.assignedStaff.firstName} ${row.assignedStaff.lastName}` } : null,
      duplicate: Boolean(row.enrolment?.duplicateOfNationalId),
    })),
    nextCursor: found.length > pageSize ? encodeCursor(shown[shown.length - 1]!) : null,
  };
}
