import "server-only";
import crypto from "node:crypto";
import { isBookableDay, MAX_SLOT_CAPACITY, slotStart, VISIT_SLOT_HOURS } from "@/lib/domain/branch-visits";
import { AppError } from "@/lib/errors";
import { getWorkCalendar } from "@/lib/server/calendar/get-work-calendar";
import type { Db } from "@/lib/server/db/prisma";
import { recordAudit } from "@/lib/server/review/record-audit";
import type { StaffActor } from "@/lib/server/review/staff-access";
import { canSetVisitCapacity } from "./visit-access";

/**
 * A branch head opens `day` for visits (or changes it): every slot of the day
 * takes `perSlot` people. A slot never drops below the people already booked
 * in it (they keep their visit); how many slots kept more is returned so the
 * head is told. Only bookable days (a working day, tomorrow to the window's
 * end) can be set; 0 closes the day to new bookings.
 */
export async function setVisitCapacity({
  db,
  staff,
  day,
  perSlot,
  now = new Date(),
}: {
  db: Db;
  staff: StaffActor;
  day: string;
  perSlot: number;
  now?: Date;
}): Promise<{ keptForBooked: number }> {
  if (!canSetVisitCapacity(staff)) throw new AppError("FORBIDDEN");
  if (!Number.isInteger(perSlot) || perSlot < 0 || perSlot > MAX_SLOT_CAPACITY) throw new AppError("INVALID_INPUT", "CAPACITY");
  const calendar = await getWorkCalendar({ db, now });
  if (!isBookableDay(day, now, calendar)) throw new AppError("INVALID_INPUT", "DAY");
  const branchId = staff.branchId;
  return db.$transaction(async (tx) => {
    let keptForBooked = 0;
    for (const hour of VISIT_SLOT_HOURS) {
      const rows = await tx.$queryRaw<{ booked: number }[]>`
        INSERT INTO "BranchVisitSlot" ("id", "branchId", "day", "startsAt", "capacity", "booked")
        VALUES (${crypto.randomUUID()}::uuid, ${branchId}::uuid, ${day}::date, ${slotStart(day, hour)}, ${perSlot}, 0)
        ON CONFLICT ("branchId", "startsAt") DO UPDATE SET "capacity" = GREATEST(EXCLUDED."capacity", "BranchVisitSlot"."booked")
        RETURNING "booked"`;
      if ((rows[0]?.booked ?? 0) > perSlot) keptForBooked++;
    }
    await recordAudit(tx, { staffId: staff.accountId, action: "SET_VISIT_CAPACITY", detail: `${day}: ${perSlot}` }, now);
    return { keptForBooked };
  });
}
