import "server-only";
import type { Db } from "@/lib/server/db/prisma";
import { queueSmsOnce } from "@/lib/server/sms/queue-sms";
import { toPersianDigits } from "@/lib/utils/digits";
import { formatTrackingCode } from "@/lib/utils/tracking-code";
import { tehranDate } from "@/lib/utils/working-days";
import type { OpenDeadline } from "./open-deadlines";

const LISTED = 5;

export const officerReminderSms = (trackingCodes: readonly string[]) => {
  const listed = trackingCodes.slice(0, LISTED).map(formatTrackingCode).join("، ");
  const more = trackingCodes.length > LISTED ? ` و ${toPersianDigits(trackingCodes.length - LISTED)} درخواست دیگر` : "";
  return `یادآوری: موعد پاسخ ${toPersianDigits(trackingCodes.length)} درخواستی که در دست شماست روز کاری بعد است: ${listed}${more}.`;
};

/**
 * A notice to each officer holding requests due on the next working day (one
 * message listing them), once a day per officer however often it runs.
 */
export async function remindOfficers({ db, now, deadlines }: { db: Db; now: Date; deadlines: readonly OpenDeadline[] }): Promise<number> {
  const byOfficer = new Map<string, string[]>();
  for (const request of deadlines) {
    if (!request.assignedStaffId || request.workingDaysLeft !== 1) continue;
    byOfficer.set(request.assignedStaffId, [...(byOfficer.get(request.assignedStaffId) ?? []), request.trackingCode]);
  }
  if (byOfficer.size === 0) return 0;
  const officers = await db.staffAccount.findMany({
    where: { id: { in: [...byOfficer.keys()] }, disabledAt: null, mobile: { not: null } },
    select: { id: true, mobile: true },
  });
  const day = tehranDate(now);
  let queued = 0;
  for (const officer of officers) {
    const body = officerReminderSms(byOfficer.get(officer.id)!);
    const message = await db.$transaction((tx) => queueSmsOnce(tx, { kind: "DEADLINE_REMINDER", to: officer.mobile!, body, dedupeKey: `officer-due-next:${officer.id}:${day}`, now }));
    if (message) queued++;
  }
  return queued;
}
