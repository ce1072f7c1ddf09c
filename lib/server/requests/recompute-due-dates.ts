import "server-only";
import { getWorkCalendar, invalidateWorkCalendar } from "@/lib/server/calendar/get-work-calendar";
import type { Db } from "@/lib/server/db/prisma";
import { getLogger } from "@/lib/server/observability/logger";
import { dueAtAfter } from "./deadline-rules";

const BATCH = 200;
const TRIES = 3;

/**
 * After the holidays or the weekend changed: gives every open request whose
 * deadline runs the due date the calendar now gives, and records each move in
 * its history (DUE_DATE_MOVED, from and to), so that the stored due date, the
 * queue's order and "days left" agree again. Requests waiting on their
 * applicant (no deadline runs) and decided ones are left alone; a returned
 * request gets its new date when the documents arrive. Idempotent: a second
 * run finds nothing to move. Each request is written under its version (as a
 * staff decision is); one that changed meanwhile is read again.
 */
export async function recomputeDueDates({ db, now = new Date() }: { db: Db; now?: Date }): Promise<{ checked: number; moved: number }> {
  // The administrator's edit may have been made on another server: read the calendar afresh.
  invalidateWorkCalendar(db);
  const calendar = await getWorkCalendar({ db, now });
  let checked = 0;
  let moved = 0;
  let after: string | undefined;
  for (;;) {
    const ids = await db.request.findMany({
      where: { status: { in: ["SUBMITTED", "IN_REVIEW"] }, dueAt: { not: null }, ...(after ? { id: { gt: after } } : {}) },
      orderBy: { id: "asc" },
      take: BATCH,
      select: { id: true },
    });
    if (ids.length === 0) break;
    after = ids.at(-1)!.id;
    for (const { id } of ids) {
      checked++;
      if (await moveDueDate({ db, id, calendar, now })) moved++;
    }
  }
  if (moved > 0) getLogger().info({ checked, moved }, "Due dates moved after a calendar change");
  return { checked, moved };
}

/** A recompute's result in a line, for an operator's console. */
export const describeRecompute = ({ checked, moved }: { checked: number; moved: number }) => `Due dates: ${checked} open request(s) checked, ${moved} moved.`;

async function moveDueDate({
  db,
  id,
  calendar,
  now,
}: {
  db: Db;
  id: string;
  calendar: Awaited<ReturnType<typeof getWorkCalendar>>;
  now: Date;
}): Promise<boolean> {
  for (let attempt = 0; attempt < TRIES; attempt++) {
    const request = await db.request.findUnique({
      where: { id },
      select: {
        kind: true,
        domain: true,
        status: true,
        dueAt: true,
        updatedAt: true,
        events: { orderBy: [{ at: "asc" }, { id: "asc" }], select: { type: true, at: true } },
      },
    });
    if (!request?.dueAt || (request.status !== "SUBMITTED" && request.status !== "IN_REVIEW")) return false;
    const dueAt = dueAtAfter({ kind: request.kind, domain: request.domain, events: request.events, calendar });
    if (!dueAt || dueAt.getTime() === request.dueAt.getTime()) return false;
    const previousDueAt = request.dueAt;
    const written = await db.$transaction(async (tx) => {
      const guarded = await tx.request.updateMany({
        where: { id, updatedAt: request.updatedAt, status: request.status },
        data: { dueAt, updatedAt: now > request.updatedAt ? now : new Date(request.updatedAt.getTime() + 1) },
      });
      if (guarded.count !== 1) return false;
      await tx.requestEvent.create({
        data: { requestId: id, type: "DUE_DATE_MOVED", actorKind: "SYSTEM", at: now, previousDueAt, newDueAt: dueAt },
        select: { id: true },
      });
      return true;
    });
    if (written) return true;
  }
  return false;
}
