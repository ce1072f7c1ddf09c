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

export const passwordResetCodeSms = (code: string) =>
  `کد بازیابی گذرواژه سامانه خدمات غیرحضوری تأمین اجتماعی: ${code}\nاین کد تا ۲ دقیقه معتبر است. اگر شما درخواست نکرده‌اید، این پیام را نادیده بگیرید.`;

/**
 * "Forgot password", step 1: when the national ID and mobile belong to one
 * account, a code goes to that mobile. The answer is the same either way, so
 * the form does not reveal who has an account. Throttled per account and network.
 */
export async function requestPasswordReset({
  db,
  nationalId,
  mobile,
  ip,
  now = new Date(),
}: {
  db: Db;
  nationalId: string;
  mobile: string;
  ip: string;
  now?: Date;
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

  const account = await db.citizenAccount.findUnique({ where: { nationalId }, select: { id: true, mobile: true } });
  if (account && account.mobile === mobile) {
    // A refused send (too soon, too many) is not reported: that would confirm the pair.
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
  return { status: "ACCEPTED" };
}
