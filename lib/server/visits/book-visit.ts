import "server-only";
import crypto from "node:crypto";
import { getWorkCalendar } from "@/lib/server/calendar/get-work-calendar";
import type { Db } from "@/lib/server/db/prisma";
import { isUniqueViolation } from "@/lib/server/db/prisma-errors";
import { recordMandateUse } from "@/lib/server/mandates/record-mandate-use";
import { queueSms } from "@/lib/server/sms/queue-sms";
import { makeTrackingCode } from "@/lib/utils/tracking-code";
import { visitBookedSms } from "./visit-sms";
import { SEAT_TRANSACTION, takeSeat, VisitRefused, type VisitRefusal } from "./visit-outcome";

/**
 * Who books: a signed-in citizen (their account's mobile), or a person refused
 * at registration (the mobile they verified then, and the refused request).
 * The caller establishes this; the use case trusts it.
 */
export type VisitBooker = { nationalId: string; mobile: string; citizenId: string | null; requestId: string | null };

/**
 * A helper who books, moves or cancels for the person under a mandate with the
 * BOOK_VISITS scope (docs/decisions/020): kept on the visit's event and among the
 * principal's mandate uses. Null when the person acts for themselves.
 */
export type VisitHelper = { citizenId: string; mandateId: string } | null;

/** The columns of a visit event that say who acted. */
export const visitActor = (helper: VisitHelper) => ({ actorKind: "CITIZEN" as const, actorCitizenId: helper?.citizenId ?? null, mandateId: helper?.mandateId ?? null });

export type BookVisitResult = { booked: true; visitId: string; trackingCode: string } | { booked: false; reason: VisitRefusal };

/**
 * Books a seat of `slotId` for `booker`, with its tracking code, its first
 * event and the confirmation SMS (date, time, address, documents) in one
 * transaction. The seat is taken by a conditional UPDATE of the slot's counter
 * and one person holds one booked visit (a partial unique index): concurrent
 * clicks make one booking, and the last seat goes to one person.
 */
export async function bookVisit({
  db,
  booker,
  slotId,
  helper = null,
  now = new Date(),
}: {
  db: Db;
  booker: VisitBooker;
  slotId: string;
  helper?: VisitHelper;
  now?: Date;
}): Promise<BookVisitResult> {
  const calendar = await getWorkCalendar({ db, now });
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        const held = await tx.branchVisit.findFirst({ where: { nationalId: booker.nationalId, status: "BOOKED" }, select: { id: true } });
        if (held) throw new VisitRefused("ALREADY_BOOKED");
        const slot = await takeSeat(tx, { slotId, now, calendar });
        const visit = await tx.branchVisit.create({
          data: {
            trackingCode: makeTrackingCode(crypto.randomInt),
            nationalId: booker.nationalId,
            mobile: booker.mobile,
            citizenId: booker.citizenId,
            requestId: booker.requestId,
            branchId: slot.branch.id,
            slotId: slot.id,
            status: "BOOKED",
            createdAt: now,
            updatedAt: now,
            events: { create: { type: "BOOKED", ...visitActor(helper), slotId: slot.id, at: now } },
          },
          select: { id: true, trackingCode: true },
        });
        await queueSms(tx, {
          to: booker.mobile,
          kind: "BRANCH_VISIT",
          citizenId: booker.citizenId,
          body: visitBookedSms({ trackingCode: visit.trackingCode, startsAt: slot.startsAt, branchName: slot.branch.name, address: slot.branch.address }),
          now,
        });
        await recordMandateUse(tx, helper, "BOOK_VISIT");
        return { booked: true as const, visitId: visit.id, trackingCode: visit.trackingCode };
      }, SEAT_TRANSACTION);
    } catch (error) {
      if (error instanceof VisitRefused) return { booked: false, reason: error.reason };
      // Another click of the same person won the race for the one booked visit.
      if (isUniqueViolation(error, "nationalId") || isUniqueViolation(error, "one_booked_per_person")) return { booked: false, reason: "ALREADY_BOOKED" };
      if (attempt < 3 && isUniqueViolation(error, "trackingCode")) continue;
      throw error;
    }
  }
}
