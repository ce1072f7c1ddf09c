import "server-only";
import { STAFF_REQUEST_KINDS } from "@/lib/domain/request-kinds";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { RequestKind } from "@/lib/generated/prisma/enums";
import type { Db } from "@/lib/server/db/prisma";
import { readRows } from "@/lib/server/db/read-rows";
import { tehranDate } from "@/lib/utils/working-days";
import { canWatchDeadlines, OPEN_STATUSES, type StaffActor } from "./staff-access";

/** How far back the handling-time figures look. */
export const DASHBOARD_WINDOW_DAYS = 30;

/** The kinds branch staff handle (registrations are decided by the system at once). */
const STAFF_KINDS = STAFF_REQUEST_KINDS;

const DAY_MS = 86_400_000;

export type KindFigures = { kind: RequestKind; decided: number; medianHours: number };

export type OfficerFigures = {
  staffId: string;
  name: string;
  /** Open requests the person holds now. */
  open: number;
  /** Requests they decided in the window. */
  decided: number;
  /** null when they decided nothing in the window. */
  medianHours: number | null;
};

export type DeadlineDashboard = {
  now: Date;
  windowDays: number;
  open: number;
  /** Open and due later today (Tehran date); not yet overdue, so the figures do not overlap. */
  dueToday: number;
  overdue: number;
  /** Open requests nobody holds. */
  unassignedOpen: number;
  /** Kinds with at least one decision in the window. */
  byKind: KindFigures[];
  /** The branch's working staff and anyone else who holds or decided one of its requests. */
  byOfficer: OfficerFigures[];
};

type MedianRow = { key: string; decided: number; medianHours: number };

const byPersianName = new Intl.Collator("fa");

const roundToTenth = (hours: number) => Math.round(hours * 10) / 10;

// Intl gives the zone's offset as "GMT+03:30" (or "GMT" for zero).
const tehranOffsetFormat = new Intl.DateTimeFormat("en-US", { timeZone: "Asia/Tehran", timeZoneName: "longOffset" });

function tehranOffsetMs(instant: Date): number {
  const name = tehranOffsetFormat.formatToParts(instant).find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  const match = /^GMT([+-])(\d{2}):(\d{2})$/.exec(name);
  if (!match) return 0;
  const ms = (Number(match[2]) * 60 + Number(match[3])) * 60_000;
  return match[1] === "-" ? -ms : ms;
}

/** The first instant of the Tehran date after the one `now` falls on. */
function startOfNextTehranDay(now: Date): Date {
  const [y, m, d] = tehranDate(now).split("-").map(Number) as [number, number, number];
  const wallMidnight = Date.UTC(y, m - 1, d + 1);
  // The offset at the guess, not at `now`, in case the zone's rules change overnight.
  const guess = wallMidnight - tehranOffsetMs(now);
  return new Date(wallMidnight - tehranOffsetMs(new Date(guess)));
}

const kindList = Prisma.join(STAFF_KINDS.map((kind) => Prisma.sql`CAST(${kind} AS "RequestKind")`));

/**
 * Median handling time and the number of decisions per kind or per holder, over
 * the window. Handling time is the hours from receipt to decision less the time
 * the request waited on the applicant (each RETURNED to the next RESUBMITTED, or
 * to the decision when none came): the branch is measured on what it holds.
 * Aggregated in SQL so the rows never leave the database.
 */
function mediansBy(db: Db, by: "kind" | "officer", where: { branchId: string; since: Date; now: Date }): Promise<MedianRow[]> {
  const key = by === "kind" ? Prisma.sql`"kind"::text` : Prisma.sql`"assignedStaffId"::text`;
  // The holder at decision time stays on the request afterwards: only the holder may decide.
  const holderKnown = by === "officer" ? Prisma.sql`AND "assignedStaffId" IS NOT NULL` : Prisma.empty;
  return readRows<MedianRow>(db, Prisma.sql`
    SELECT ${key} AS "key",
           count(*)::int AS "decided",
           percentile_cont(0.5) WITHIN GROUP (ORDER BY ((EXTRACT(EPOCH FROM ("decidedAt" - "createdAt")) - "waitingSeconds") / 3600)::float8) AS "medianHours"
      FROM (
        SELECT r.*,
               COALESCE((
                 SELECT sum(EXTRACT(EPOCH FROM (LEAST(COALESCE(back."at", r."decidedAt"), r."decidedAt") - ret."at")))
                   FROM "RequestEvent" ret
                   LEFT JOIN LATERAL (
                     SELECT e."at" FROM "RequestEvent" e
                      WHERE e."requestId" = r."id" AND e."type" = 'RESUBMITTED' AND e."at" >= ret."at"
                      ORDER BY e."at" LIMIT 1
                   ) back ON true
                  WHERE ret."requestId" = r."id" AND ret."type" = 'RETURNED' AND ret."at" < r."decidedAt"
               ), 0) AS "waitingSeconds"
          FROM "Request" r
      ) AS "Request"
     WHERE "branchId" = CAST(${where.branchId} AS uuid)
       AND "decidedAt" IS NOT NULL
       AND "decidedAt" >= CAST(${where.since} AS timestamptz)
       AND "decidedAt" <= CAST(${where.now} AS timestamptz)
       AND "kind" IN (${kindList})
       ${holderKnown}
     GROUP BY 1
     ORDER BY 1`);
}

/**
 * A branch head's view of the branch's deadlines: what is open, due today and
 * overdue now, and how long decisions took over the last 30 days, per kind and
 * per officer. Anyone but a branch head gets NOT_FOUND, as if there were no
 * such page.
 */
export async function getDeadlineDashboard({
  db,
  staff,
  now = new Date(),
}: {
  db: Db;
  staff: StaffActor;
  now?: Date;
}): Promise<DeadlineDashboard> {
  if (!canWatchDeadlines(staff)) throw new AppError("NOT_FOUND");
  const branchId = staff.branchId;
  const since = new Date(now.getTime() - DASHBOARD_WINDOW_DAYS * DAY_MS);
  const openWhere = { branchId, status: { in: [...OPEN_STATUSES] }, kind: { in: [...STAFF_KINDS] } } satisfies Prisma.RequestWhereInput;

  const [open, dueToday, overdue, openByHolder, kindRows, officerRows] = await Promise.all([
    db.request.count({ where: openWhere }),
    db.request.count({ where: { ...openWhere, dueAt: { gte: now, lt: startOfNextTehranDay(now) } } }),
    db.request.count({ where: { ...openWhere, dueAt: { lt: now } } }),
    db.request.groupBy({ by: ["assignedStaffId"], where: openWhere, _count: { _all: true } }),
    mediansBy(db, "kind", { branchId, since, now }),
    mediansBy(db, "officer", { branchId, since, now }),
  ]);

  const openHeld = new Map<string, number>();
  let unassignedOpen = 0;
  for (const row of openByHolder) {
    if (row.assignedStaffId === null) unassignedOpen = row._count._all;
    else openHeld.set(row.assignedStaffId, row._count._all);
  }
  const decidedBy = new Map(officerRows.map((row) => [row.key, row]));

  // Someone moved to another branch (or disabled) may still hold or have decided its requests.
  const active = [...new Set([...openHeld.keys(), ...decidedBy.keys()])];
  const people = await db.staffAccount.findMany({
    where: { OR: [{ branchId, role: { in: ["OFFICER", "BRANCH_HEAD"] }, disabledAt: null }, { id: { in: active } }] },
    select: { id: true, firstName: true, lastName: true },
  });
  // Sorted here: the database's collation may not know Persian (PGlite sorts by code point).
  people.sort((a, b) => byPersianName.compare(a.lastName, b.lastName) || byPersianName.compare(a.firstName, b.firstName));

  return {
    now,
    windowDays: DASHBOARD_WINDOW_DAYS,
    open,
    dueToday,
    overdue,
    unassignedOpen,
    byKind: kindRows.map((row) => ({ kind: row.key as RequestKind, decided: row.decided, medianHours: roundToTenth(row.medianHours) })),
    byOfficer: people.map((person) => {
      const decided = decidedBy.get(person.id);
      return {
        staffId: person.id,
        name: `${person.firstName} ${person.lastName}`,
        open: openHeld.get(person.id) ?? 0,
        decided: decided?.decided ?? 0,
        medianHours: decided ? roundToTenth(decided.medianHours) : null,
      };
    }),
  };
}
