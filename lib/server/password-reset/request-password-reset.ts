import "server-only";
import type { Db } from "@/lib/server/db/prisma";
import { issueOneTimeCode } from "@/lib/server/otp/issue-one-time-code";
import { checkLockout } from "@/lib/server/rate-limit/check-lockout";
import { rateLimitKey } from "@/lib/server/rate-limit/hash-key";
import { PASSWORD_RESET_ACCOUNT, PASSWORD_RESET_IP } from "@/lib/server/rate-limit/policies";
import { recordHit } from "@/lib/server/rate-limit/record-hit";
import { rateLimitNetwork } from "@/lib/server/request-ip";
import { sendSms } from "@/lib/server/sms/send-sms";

export type RequestResetResult = { status: "ACCEPTED" } | { status: "LOCKED"; until: Date };

/** Runs work after the answer is sent (the action passes Next's `after`); by default, at once. */
export type Schedule = (task: () => Promise<void>) => void | Promise<void>;

export const passwordResetCodeSms = (code: string) =>
  `کد بازیابی گذرواژه سامانه خدمات غیرحضوری تأمین اجتماعی: ${code}\nاین کد تا ۲ دقیقه معتبر است. اگر شما درخواست نکرده‌اید، این پیام را نادیده بگیرید.`;

/**
 * "Forgot password", step 1: when the national ID and mobile belong to one
 * account, a code goes to that mobile. The answer is the same either way, so
 * the form does not reveal who has an account. Throttled per account and network.
 *
 * Looking the pair up and sending the code are scheduled after the answer, so
 * neither its status nor its time depends on whether the pair is registered
 * or the SMS gateway is slow or down (a failed send is logged, not shown: that
 * would confirm the pair).
 */
export async function requestPasswordReset({
  db,
  nationalId,
  mobile,
  ip,
  now = new Date(),
  schedule = (task) => task(),
}: {
  db: Db;
  nationalId: string;
  mobile: string;
  ip: string;
  now?: Date;
  schedule?: Schedule;
}): Promise<RequestResetResult> {
  const accountKey = rateLimitKey("reset", nationalId);
  const networkKey = rateLimitKey("ip", rateLimitNetwork(ip));
  for (const [policy, key] of [
    [PASSWORD_RESET_ACCOUNT, accountKey],
    [PASSWORD_RESET_IP, networkKey],
  ] as const) {
    const lock = await checkLockout({ db, policy, key, now });
    if (lock.locked) return { status: "LOCKED", until: lock.until };
  }
  await recordHit({ db, bucket: PASSWORD_RESET_ACCOUNT.bucket, key: accountKey, now });
  await recordHit({ db, bucket: PASSWORD_RESET_IP.bucket, key: networkKey, now });

  await schedule(async () => {
    try {
      await sendResetCodeIfRegistered({ db, nationalId, mobile, now });
    } catch (error) {
      console.warn(`password reset: no code sent (${error instanceof Error ? error.message : "unknown error"})`);
    }
  });
  return { status: "ACCEPTED" };
}

async function sendResetCodeIfRegistered({ db, nationalId, mobile, now }: { db: Db; nationalId: string; mobile: string; now: Date }) {
  const account = await db.citizenAccount.findUnique({ where: { nationalId }, select: { id: true, mobile: true } });
  if (!account || account.mobile !== mobile) return;
  // A refused send (too soon, too many) is not reported either.
  await issueOneTimeCode({
    db,
    purpose: "PASSWORD_RESET",
    mobile,
    subjectId: account.id,
    now,
    send: async (code) => {
      await sendSms({ db, to: mobile, body: passwordResetCodeSms(code) });
    },
  });
}
