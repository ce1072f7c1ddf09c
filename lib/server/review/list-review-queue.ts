import "server-only";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { RequestKind, RequestStatus } from "@/lib/generated/prisma/enums";
import { QUEUE_KINDS, type TQueueFilters } from "@/lib/schemas/review";
import { getWorkCalendar } from "@/lib/server/calendar/get-work-calendar";
import type { Db } from "@/lib/server/db/prisma";
import { readRows } from "@/lib/server/db/read-rows";
import { decodeCursor, encodeCursor, isIsoInstant } from "@/lib/utils/keyset-cursor";
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

const encodeQueueCursor = (row: { dueAt: Date | null; createdAt: Date; id: string }) =>
  encodeCursor({ d: row.dueAt?.toISOString() ?? null, c: row.createdAt.toISOString(), i: row.id } satisfies Cursor);

const decodeQueueCursor = (raw: string | undefined) =>
  decodeCursor<Cursor>(raw, (v) => typeof v.i === "string" && isUuid(v.i) && isIsoInstant(v.c) && (v.d === null || isIsoInstant(v.d)));

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

type QueueSqlRow = Pick<QueueRow, "id" | "trackingCode" | "kind" | "status" | "subject" | "applicantNationalId" | "createdAt" | "dueAt"> & {
  citizenFirstName: string | null;
  citizenLastName: string | null;
  assigneeId: string | null;
  assigneeFirstName: string | null;
  assigneeLastName: string | null;
  duplicateOfNationalId: string | null;
};

/** `queueWhere` in SQL, for the page's single statement (r = Request, e = its enrolment). */
function queueConditions(staff: StaffActor & { branchId: string }, filters: TQueueFilters, now: Date): Prisma.Sql[] {
  const kinds = filters.kind ? [filters.kind] : [...QUEUE_KINDS];
  const statuses = filters.status ? [filters.status] : [...OPEN_STATUSES];
  const conditions = [
    Prisma.sql`r."branchId" = ${staff.branchId}::uuid`,
    Prisma.sql`r."kind" IN (${Prisma.join(kinds.map((k) => Prisma.sql`CAST(${k} AS "RequestKind")`))})`,
    Prisma.sql`r."status" IN (${Prisma.join(statuses.map((st) => Prisma.sql`CAST(${st} AS "RequestStatus")`))})`,
  ];
  if (filters.overdue) conditions.push(Prisma.sql`r."dueAt" < ${now}`);
  if (filters.mine) conditions.push(Prisma.sql`r."assignedStaffId" = ${staff.accountId}::uuid`);
  else if (filters.unassigned) conditions.push(Prisma.sql`r."assignedStaffId" IS NULL`);
  if (filters.q) {
    conditions.push(Prisma.sql`(r."trackingCode" = ${filters.q} OR r."applicantNationalId" = ${filters.q} OR e."dependentNationalId" = ${filters.q})`);
  }
  return conditions;
}

type Part = { where: Prisma.Sql | null; orderBy: Prisma.Sql };

/**
 * Rows after the cursor in the page's order (keyset pagination: as fast on page
 * 1,000 as on page 1). Each bound repeats the leading column as a range
 * (`createdAt <= c`, `dueAt >= d`) so PostgreSQL starts the index scan at the
 * cursor instead of filtering every row before it.
 *
 * By deadline, soonest first; requests without a deadline (decided, or waiting
 * on the applicant) last. Read as two ordered parts, each straight off an
 * index: the rows with a deadline after the cursor, then (on the page where
 * those run out) the rows without one.
 */
function sqlParts(sort: TQueueFilters["sort"], cursor: Cursor | null): Part[] {
  if (sort === "newest") {
    const orderBy = Prisma.sql`r."createdAt" DESC, r."id" DESC`;
    if (!cursor) return [{ where: null, orderBy }];
    const c = new Date(cursor.c);
    return [{ where: Prisma.sql`r."createdAt" <= ${c} AND (r."createdAt" < ${c} OR r."id" < ${cursor.i}::uuid)`, orderBy }];
  }
  const byDeadline = Prisma.sql`r."dueAt" ASC, r."id" ASC`;
  const byId = Prisma.sql`r."id" ASC`;
  if (cursor && cursor.d === null) return [{ where: Prisma.sql`r."dueAt" IS NULL AND r."id" > ${cursor.i}::uuid`, orderBy: byId }];
  const withoutDeadline = { where: Prisma.sql`r."dueAt" IS NULL`, orderBy: byId };
  if (!cursor) return [{ where: Prisma.sql`r."dueAt" IS NOT NULL`, orderBy: byDeadline }, withoutDeadline];
  const d = new Date(cursor.d!);
  return [{ where: Prisma.sql`r."dueAt" >= ${d} AND (r."dueAt" > ${d} OR r."id" > ${cursor.i}::uuid)`, orderBy: byDeadline }, withoutDeadline];
}

/**
 * The open requests of the officer's branch, one page at a time, with the
 * working days left on each. Administrators have no queue (NOT_FOUND).
 *
 * One SQL statement per part (the applicant, the holder and the enrolment
 * joined), not Prisma's findMany with three relations: the queue is the page
 * officers reload all day, and the four statements Prisma sends, each compiled
 * in WebAssembly on the request's thread, cost 4 ms of CPU against 1 ms
 * (bench/README.md, "Where the time goes"). The CSV export keeps `queueWhere`.
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
  const cursor = decodeQueueCursor(filters.after);
  const conditions = queueConditions(staff, filters, now);
  const read = ({ where, orderBy }: Part) =>
    readRows<QueueSqlRow>(db, Prisma.sql`
      SELECT r."id", r."trackingCode", r."kind"::text AS "kind", r."status"::text AS "status", r."subject",
             r."applicantNationalId", r."createdAt", r."dueAt",
             c."firstName" AS "citizenFirstName", c."lastName" AS "citizenLastName",
             s."id" AS "assigneeId", s."firstName" AS "assigneeFirstName", s."lastName" AS "assigneeLastName",
             e."duplicateOfNationalId"
        FROM "Request" r
        LEFT JOIN "DependentEnrolment" e ON e."requestId" = r."id"
        LEFT JOIN "CitizenAccount" c ON c."id" = r."citizenId"
        LEFT JOIN "StaffAccount" s ON s."id" = r."assignedStaffId"
       WHERE ${Prisma.join(where ? [...conditions, where] : conditions, " AND ")}
       ORDER BY ${orderBy}
       LIMIT ${pageSize + 1}`);
  const rows = async () => {
    const [first, second] = sqlParts(filters.sort, cursor);
    const found = await read(first!);
    // Only the page where the deadlines run out reads the requests without one.
    if (!second || found.length > pageSize) return found;
    return [...found, ...(await read(second))];
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
      applicantName: row.citizenFirstName !== null ? `${row.citizenFirstName} ${row.citizenLastName}` : null,
      createdAt: row.createdAt,
      dueAt: row.dueAt,
      workingDaysLeft: row.dueAt ? workingDaysUntil({ dueAt: row.dueAt, now, calendar }) : null,
      overdue: row.dueAt !== null && row.dueAt.getTime() < now.getTime(),
      assignee: row.assigneeId ? { id: row.assigneeId, name: `${row.assigneeFirstName} ${row.assigneeLastName}` } : null,
      duplicate: Boolean(row.duplicateOfNationalId),
    })),
    nextCursor: found.length > pageSize ? encodeQueueCursor(shown[shown.length - 1]!) : null,
  };
}
