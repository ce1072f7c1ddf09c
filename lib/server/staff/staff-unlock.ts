import "server-only";
import crypto from "node:crypto";
import type { Db } from "@/lib/server/db/prisma";
import { issueOneTimeCode } from "@/lib/server/otp/issue-one-time-code";
import { verifyOneTimeCode } from "@/lib/server/otp/verify-one-time-code";
import { clearHits } from "@/lib/server/rate-limit/clear-hits";
import { rateLimitKey } from "@/lib/server/rate-limit/hash-key";
import { SIGN_IN_STAFF_ACCOUNT, STAFF_UNLOCK_ACCOUNT, STAFF_UNLOCK_IP } from "@/lib/server/rate-limit/policies";
import { takeAttempt } from "@/lib/server/rate-limit/take-attempt";
import { rateLimitNetwork } from "@/lib/server/request-ip";
import { recordAudit } from "@/lib/server/review/record-audit";
import type { Schedule } from "@/lib/server/password-reset/request-password-reset";
import { sendSms } from "@/lib/server/sms/send-sms";

export const staffUnlockSms = (code: string) =>
  `کد باز کردن قفل ورود کارکنان در سامانه خدمات غیرحضوری تأمین اجتماعی: ${code}\nاین کد تا ۲ دقیقه معتبر است. اگر شما درخواست نکرده‌اید، به رئیس شعبه خبر دهید.`;

/**
 * Self-service unlock, step 1: a code goes to the staff member's registered
 * mobile. The answer is the same for any personnel code (known or not, locked
 * or not, with a mobile or not), and the send is scheduled after the answer.
 */
export async function requestStaffUnlock({
  db,
  personnelCode,
  ip,
  now = new Date(),
  schedule = (task) => task(),
}: {
  db: Db;
  personnelCode: string;
  ip: string;
  now?: Date;
  schedule?: Schedule;
}): Promise<{ status: "ACCEPTED" } | { status: "LOCKED"; until: Date }> {
  const attempt = await takeAttempt({
    db,
    limits: [
      { policy: STAFF_UNLOCK_ACCOUNT, key: rateLimitKey("staff-unlock", personnelCode) },
      { policy: STAFF_UNLOCK_IP, key: rateLimitKey("ip", rateLimitNetwork(ip)) },
    ],
    now,
  });
  if (!attempt.ok) return { status: "LOCKED", until: attempt.until };
  await schedule(async () => {
    try {
      const staff = await db.staffAccount.findUnique({ where: { personnelCode }, select: { id: true, mobile: true, disabledAt: true } });
      if (!staff?.mobile || staff.disabledAt) return;
      const mobile = staff.mobile;
      await issueOneTimeCode({ db, purpose: "STAFF_UNLOCK", mobile, subjectId: staff.id, now, send: async (code) => void (await sendSms({ db, to: mobile, body: staffUnlockSms(code) })) });
    } catch (error) {
      console.warn(`staff unlock: no code sent (${error instanceof Error ? error.message : "unknown error"})`);
    }
  });
  return { status: "ACCEPTED" };
}

/**
 * Step 2: the code lifts the account-wide lock (the per-network locks stay:
 * they fall on the networks that guessed). Audited as the staff member's own act.
 */
export async function confirmStaffUnlock({ db, personnelCode, code, now = new Date() }: { db: Db; personnelCode: string; code: string; now?: Date }): Promise<{ ok: boolean }> {
  const staff = await db.staffAccount.findUnique({ where: { personnelCode }, select: { id: true } });
  // An unknown code runs the same check against a subject with no code.
  const result = await verifyOneTimeCode({ db, purpose: "STAFF_UNLOCK", subjectId: staff?.id ?? crypto.randomUUID(), code, now });
  if (!staff || !result.ok) return { ok: false };
  await clearHits({ db, bucket: SIGN_IN_STAFF_ACCOUNT.bucket, key: rateLimitKey("staff", personnelCode) });
  await recordAudit(db, { staffId: staff.id, action: "UNLOCK_STAFF", targetStaffId: staff.id, detail: "SMS code" }, now);
  return { ok: true };
}
