import "server-only";
import type { Db } from "@/lib/server/db/prisma";
import { queueSmsOnce } from "@/lib/server/sms/queue-sms";
import { formatJalaliForDisplay, gregorianToJalali } from "@/lib/utils/jalali";
import { formatTrackingCode } from "@/lib/utils/tracking-code";
import { workingDaysUntil, type WorkCalendar } from "@/lib/utils/working-days";

/** Working days a returned request waits on its applicant before they are reminded. */
export const REMIND_AFTER_WORKING_DAYS = 5;

export const waitingApplicantSms = (trackingCode: string, returnedAt: Date) =>
  `درخواست شما با کد رهگیری ${formatTrackingCode(trackingCode)} از ${formatJalaliForDisplay(gregorianToJalali(returnedAt))} منتظر مدارک تکمیلی شماست. لطفاً مدارک خواسته‌شده را در سامانه خدمات غیرحضوری تأمین اجتماعی بفرستید.`;

/**
 * A notice to each applicant whose returned request has waited on them for
 * five working days: once per return (a request returned again is reminded
 * again), to the mobile of their account.
 */
export async function remindWaitingApplicants({ db, now, calendar }: { db: Db; now: Date; calendar: WorkCalendar }): Promise<number> {
  const returned = await db.request.findMany({
    where: { status: "RETURNED", citizenId: { not: null } },
    select: {
      trackingCode: true,
      citizenId: true,
      citizen: { select: { mobile: true } },
      events: { where: { type: "RETURNED" }, orderBy: [{ at: "desc" }, { id: "desc" }], take: 1, select: { id: true, at: true } },
    },
  });
  let queued = 0;
  for (const request of returned) {
    const returnedEvent = request.events[0];
    const mobile = request.citizen?.mobile;
    if (!returnedEvent || !mobile) continue;
    const waited = -workingDaysUntil({ dueAt: returnedEvent.at, now, calendar });
    if (waited < REMIND_AFTER_WORKING_DAYS) continue;
    const body = waitingApplicantSms(request.trackingCode, returnedEvent.at);
    const message = await db.$transaction((tx) =>
      queueSmsOnce(tx, { kind: "DEADLINE_REMINDER", to: mobile, citizenId: request.citizenId, body, dedupeKey: `returned-waiting:${returnedEvent.id}`, now }),
    );
    if (message) queued++;
  }
  return queued;
}
