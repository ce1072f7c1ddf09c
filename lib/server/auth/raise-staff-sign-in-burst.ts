import "server-only";
import type { Db } from "@/lib/server/db/prisma";
import { formatTehranDateTime } from "@/lib/utils/jalali";
import { queueSms } from "@/lib/server/sms/queue-sms";

export const staffBurstSms = (until: Date) =>
  `سامانه خدمات غیرحضوری تأمین اجتماعی: به دلیل تلاش‌های ناموفق ورود از چند شبکه، ورود با کد پرسنلی شما تا ${formatTehranDateTime(until)} بسته شد. اگر این تلاش‌ها از شما نبوده است به رئیس شعبه خبر دهید. برای باز کردن قفل، در صفحه ورود کارکنان «باز کردن قفل با پیامک» را بزنید.`;

/**
 * Failed sign-ins from many networks locked a staff account everywhere: an
 * attack on the account, or on the branch (codes are guessable). Once per
 * lock: a SecurityEvent the branch head and the administrator see on «کارکنان
 * شعبه», an SMS to the staff member, and a warning line for the operators.
 */
export async function raiseStaffSignInBurst({ db, staffId, until, now = new Date() }: { db: Db; staffId: string; until: Date; now?: Date }) {
  const lockStarted = new Date(until.getTime() - 60 * 60_000);
  const already = await db.securityEvent.findFirst({ where: { staffId, kind: "STAFF_SIGN_IN_BURST", at: { gte: lockStarted } }, select: { id: true } });
  if (already) return;
  const staff = await db.staffAccount.findUniqueOrThrow({ where: { id: staffId }, select: { personnelCode: true, mobile: true } });
  await db.$transaction(async (tx) => {
    await tx.securityEvent.create({
      data: { staffId, kind: "STAFF_SIGN_IN_BURST", at: now, detail: `locked until ${until.toISOString()}` },
      select: { id: true },
    });
    // Queued with the alert: a gateway outage neither loses it nor turns the sign-in answer into an error.
    if (staff.mobile) await queueSms(tx, { to: staff.mobile, kind: "STAFF_SIGN_IN_LOCKED", body: staffBurstSms(until), now });
  });
  console.warn(`[security] staff sign-in burst: personnel code ${staff.personnelCode} locked on every network until ${until.toISOString()}`);
}
