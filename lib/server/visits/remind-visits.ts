import "server-only";
import { addDays } from "@/lib/domain/branch-visits";
import type { Db } from "@/lib/server/db/prisma";
import { queueSmsOnce } from "@/lib/server/sms/queue-sms";
import { tehranDate } from "@/lib/utils/working-days";
import { visitReminderSms } from "./visit-sms";

/**
 * The day-before reminder: each visit booked for tomorrow (Tehran) gets one
 * SMS with the date, time, address and documents. Safe to run often and on
 * several servers: the key names the visit and its slot, so a visit moved to
 * another day is reminded again, and none twice.
 */
export async function remindVisits({ db, now = new Date() }: { db: Db; now?: Date }): Promise<number> {
  const tomorrow = new Date(`${addDays(tehranDate(now), 1)}T00:00:00Z`);
  const visits = await db.branchVisit.findMany({
    where: { status: "BOOKED", slot: { day: tomorrow } },
    select: {
      id: true,
      trackingCode: true,
      mobile: true,
      citizenId: true,
      slot: { select: { id: true, startsAt: true } },
      branch: { select: { name: true, address: true } },
    },
  });
  let queued = 0;
  for (const visit of visits) {
    const body = visitReminderSms({ trackingCode: visit.trackingCode, startsAt: visit.slot.startsAt, branchName: visit.branch.name, address: visit.branch.address });
    const message = await db.$transaction((tx) =>
      queueSmsOnce(tx, { kind: "BRANCH_VISIT", to: visit.mobile, citizenId: visit.citizenId, body, dedupeKey: `visit-reminder:${visit.id}:${visit.slot.id}`, now }),
    );
    if (message) queued++;
  }
  return queued;
}
