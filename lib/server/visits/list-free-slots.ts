import "server-only";
import { bookableDays } from "@/lib/domain/branch-visits";
import { getWorkCalendar } from "@/lib/server/calendar/get-work-calendar";
import type { Db } from "@/lib/server/db/prisma";
import { tehranDate } from "@/lib/utils/working-days";

export type FreeSlot = { id: string; startsAt: Date; free: number };
/** A day the branch opened for visits: its free slots, or `full` when none is left. */
export type VisitDay = { day: string; slots: FreeSlot[]; full: boolean };

/**
 * The days a branch has opened for visits in the booking window, in order,
 * each with its slots that still have room. Days the calendar has since
 * closed (a holiday added later) are left out, as are slots of today.
 */
export async function listFreeSlots({ db, branchId, now = new Date() }: { db: Db; branchId: string; now?: Date }): Promise<VisitDay[]> {
  const days = bookableDays(now, await getWorkCalendar({ db, now }));
  if (days.length === 0) return [];
  const slots = await db.branchVisitSlot.findMany({
    where: { branchId, day: { gte: new Date(`${days[0]}T00:00:00Z`), lte: new Date(`${days.at(-1)}T00:00:00Z`) }, capacity: { gt: 0 } },
    orderBy: { startsAt: "asc" },
    select: { id: true, startsAt: true, capacity: true, booked: true },
  });
  const open = new Set(days);
  const byDay = new Map<string, VisitDay>();
  for (const slot of slots) {
    const day = tehranDate(slot.startsAt);
    if (!open.has(day)) continue;
    const entry = byDay.get(day) ?? { day, slots: [], full: true };
    byDay.set(day, entry);
    if (slot.booked < slot.capacity) {
      entry.slots.push({ id: slot.id, startsAt: slot.startsAt, free: slot.capacity - slot.booked });
      entry.full = false;
    }
  }
  return [...byDay.values()];
}
