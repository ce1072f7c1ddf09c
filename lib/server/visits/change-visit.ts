import "server-only";
import { getWorkCalendar } from "@/lib/server/calendar/get-work-calendar";
import type { Db, Tx } from "@/lib/server/db/prisma";
import { recordMandateUse } from "@/lib/server/mandates/record-mandate-use";
import { queueSms } from "@/lib/server/sms/queue-sms";
import { visitActor, type VisitHelper } from "./book-visit";
import { releaseSeat, SEAT_TRANSACTION, takeSeat, VisitRefused, type VisitRefusal } from "./visit-outcome";
import { visitCancelledSms, visitMovedSms } from "./visit-sms";

export type ChangeVisitResult = { changed: true } | { changed: false; reason: VisitRefusal };

/** The person's booked visit, still ahead of them, locked for the change; null when there is none. */
async function lockOwnVisit(tx: Tx, { visitId, nationalId, now }: { visitId: string; nationalId: string; now: Date }) {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "BranchVisit" WHERE "id" = ${visitId}::uuid AND "nationalId" = ${nationalId} AND "status" = 'BOOKED' FOR UPDATE`;
  if (!rows[0]) return null;
  const visit = await tx.branchVisit.findUniqueOrThrow({
    where: { id: visitId },
    select: { id: true, trackingCode: true, mobile: true, citizenId: true, slot: { select: { id: true, startsAt: true } }, branch: { select: { name: true, address: true } } },
  });
  return visit.slot.startsAt > now ? visit : null;
}

async function run(db: Db, change: (tx: Tx) => Promise<void>): Promise<ChangeVisitResult> {
  try {
    await db.$transaction(change, SEAT_TRANSACTION);
    return { changed: true };
  } catch (error) {
    if (error instanceof VisitRefused) return { changed: false, reason: error.reason };
    throw error;
  }
}

/**
 * Moves the person's booked visit to another slot (of any branch): the new
 * seat is taken before the old one is given back, in one transaction, so a
 * full slot leaves the visit where it was.
 */
export async function moveVisit({
  db,
  visitId,
  nationalId,
  slotId,
  helper = null,
  now = new Date(),
}: {
  db: Db;
  visitId: string;
  nationalId: string;
  slotId: string;
  helper?: VisitHelper;
  now?: Date;
}) {
  // Before the transaction, never inside it: a calendar not in the cache is read through `db`, which
  // needs a second connection while the transaction holds one. PGlite has only one, so the read
  // waited for the transaction and the transaction ran out its 10 s (a browser test met it).
  const calendar = await getWorkCalendar({ db, now });
  return run(db, async (tx) => {
    const visit = await lockOwnVisit(tx, { visitId, nationalId, now });
    if (!visit) throw new VisitRefused("NOT_FOUND");
    if (visit.slot.id === slotId) return;
    const slot = await takeSeat(tx, { slotId, now, calendar });
    await releaseSeat(tx, visit.slot.id);
    await tx.branchVisit.update({
      where: { id: visit.id },
      data: { slotId: slot.id, branchId: slot.branch.id, updatedAt: now, events: { create: { type: "MOVED", ...visitActor(helper), slotId: slot.id, at: now } } },
      select: { id: true },
    });
    await queueSms(tx, {
      to: visit.mobile,
      kind: "BRANCH_VISIT",
      citizenId: visit.citizenId,
      body: visitMovedSms({ trackingCode: visit.trackingCode, startsAt: slot.startsAt, branchName: slot.branch.name, address: slot.branch.address }),
      now,
    });
    await recordMandateUse(tx, helper, "MOVE_VISIT");
  });
}

/** Cancels the person's booked visit and gives its seat back to others. */
export function cancelVisit({
  db,
  visitId,
  nationalId,
  helper = null,
  now = new Date(),
}: {
  db: Db;
  visitId: string;
  nationalId: string;
  helper?: VisitHelper;
  now?: Date;
}) {
  return run(db, async (tx) => {
    const visit = await lockOwnVisit(tx, { visitId, nationalId, now });
    if (!visit) throw new VisitRefused("NOT_FOUND");
    await releaseSeat(tx, visit.slot.id);
    await tx.branchVisit.update({
      where: { id: visit.id },
      data: { status: "CANCELLED", updatedAt: now, events: { create: { type: "CANCELLED", ...visitActor(helper), at: now } } },
      select: { id: true },
    });
    await queueSms(tx, {
      to: visit.mobile,
      kind: "BRANCH_VISIT",
      citizenId: visit.citizenId,
      body: visitCancelledSms({ trackingCode: visit.trackingCode, startsAt: visit.slot.startsAt, branchName: visit.branch.name, address: visit.branch.address }),
      now,
    });
    await recordMandateUse(tx, helper, "CANCEL_VISIT");
  });
}
