import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { RequestKind, RequestStatus } from "@/lib/generated/prisma/enums";
import { getWorkCalendar } from "@/lib/server/calendar/get-work-calendar";
import type { Db } from "@/lib/server/db/prisma";
import { readRows } from "@/lib/server/db/read-rows";
import { decodeCursor, encodeCursor, isIsoInstant } from "@/lib/utils/keyset-cursor";
import { isUuid } from "@/lib/utils/uuid";
import { workingDaysUntil } from "@/lib/utils/working-days";

export type MyRequestRow = {
  id: string;
  trackingCode: string;
  kind: RequestKind;
  subject: string | null;
  status: RequestStatus;
  createdAt: Date;
  dueAt: Date | null;
  /** Working days until the deadline: positive left, 0 due today, negative overdue. */
  workingDaysLeft: number | null;
};

export type MyRequestsPage = { rows: MyRequestRow[]; nextCursor: string | null };

/** Requests per page: a phone renders a page quickly and most people have fewer. */
export const MY_REQUESTS_PAGE_SIZE = 20;

type Cursor = { c: string; i: string };

const decodeMyCursor = (raw: string | undefined) => decodeCursor<Cursor>(raw, (v) => isIsoInstant(v.c) && typeof v.i === "string" && isUuid(v.i));

/**
 * «درخواست‌های من»: the person's own requests, newest first, optionally
 * filtered, one page at a time (keyset: `after` is the previous page's
 * `nextCursor`; a cursor that does not parse starts from the newest).
 */
export async function listMyRequests({
  db,
  citizenId,
  kind,
  status,
  after,
  pageSize = MY_REQUESTS_PAGE_SIZE,
  now = new Date(),
}: {
  db: Db;
  citizenId: string;
  kind?: RequestKind;
  status?: RequestStatus;
  after?: string;
  pageSize?: number;
  now?: Date;
}): Promise<MyRequestsPage> {
  const cursor = decodeMyCursor(after);
  // One SQL statement: the page runs it on every view, and Prisma's findMany
  // costs twice the CPU for the same rows (bench/README.md, "Where the time goes").
  const [found, calendar] = await Promise.all([
    readRows<Omit<MyRequestRow, "workingDaysLeft">>(db, Prisma.sql`
      SELECT "id", "trackingCode", "kind"::text AS "kind", "subject", "status"::text AS "status", "createdAt", "dueAt"
        FROM "Request"
       WHERE "citizenId" = ${citizenId}::uuid
         ${kind ? Prisma.sql`AND "kind" = CAST(${kind} AS "RequestKind")` : Prisma.empty}
         ${status ? Prisma.sql`AND "status" = CAST(${status} AS "RequestStatus")` : Prisma.empty}
         ${cursor ? Prisma.sql`AND "createdAt" <= ${new Date(cursor.c)} AND ("createdAt" < ${new Date(cursor.c)} OR "id" < ${cursor.i}::uuid)` : Prisma.empty}
       ORDER BY "createdAt" DESC, "id" DESC
       LIMIT ${pageSize + 1}`),
    getWorkCalendar({ db, now }),
  ]);
  const shown = found.slice(0, pageSize);
  const last = shown[shown.length - 1];
  return {
    rows: shown.map((row) => ({
      ...row,
      workingDaysLeft: row.dueAt ? workingDaysUntil({ dueAt: row.dueAt, now, calendar }) : null,
    })),
    nextCursor: found.length > pageSize && last ? encodeCursor({ c: last.createdAt.toISOString(), i: last.id }) : null,
  };
}
