import "server-only";
import { isBookableDay } from "@/lib/domain/branch-visits";
import type { Tx } from "@/lib/server/db/prisma";
import type { WorkCalendar } from "@/lib/utils/working-days";
import { tehranDate } from "@/lib/utils/working-days";

/**
 * Many people clicking the last seats at once queue on the slot's row, each
 * holding a pooled connection until the one before commits: a booking may wait
 * longer than Prisma's default 2 s for a connection, and for the row lock longer
 * than its 5 s for the whole transaction (as a form posted many times
 * does, file-request.ts).
 */
export const SEAT_TRANSACTION = { maxWait: 10_000, timeout: 10_000 };

/** Why a booking or a move did not happen; the page says it in Persian and offers the free slots. */
export type VisitRefusal = "SLOT_FULL" | "SLOT_UNAVAILABLE" | "ALREADY_BOOKED" | "NOT_FOUND";

export class VisitRefused extends Error {
  constructor(readonly reason: VisitRefusal) {
    super(reason);
    this.name = "VisitRefused";
  }
}

/**
 * Takes one seat of `slotId` if it still has one: a conditional UPDATE, so
 * concurrent bookings queue on the row and the last seat goes once. Returns
 * the slot's facts for the message; refuses a slot that is not bookable now.
 */
export async function takeSeat(tx: Tx, { slotId, now, calendar }: { slotId: string; now: Date; calendar: WorkCalendar }) {
  const slot = await tx.branchVisitSlot.findUnique({
    where: { id: slotId },
    select: { id: true, startsAt: true, capacity: true, branch: { select: { id: true, name: true, address: true } } },
  });
  if (!slot || slot.capacity === 0 || !isBookableDay(tehranDate(slot.startsAt), now, calendar)) throw new VisitRefused("SLOT_UNAVAILABLE");
  const taken = await tx.$executeRaw`UPDATE "BranchVisitSlot" SET "booked" = "booked" + 1 WHERE "id" = ${slotId}::uuid AND "booked" < "capacity"`;
  if (taken !== 1) throw new VisitRefused("SLOT_FULL");
  return slot;
}

/** Gives a seat back (a cancelled or moved visit). */
export async function releaseSeat(tx: Tx, slotId: string): Promise<void> {
  await tx.$executeRaw`UPDATE "BranchVisitSlot" SET "booked" = "booked" - 1 WHERE "id" = ${slotId}::uuid AND "booked" > 0`;
}
