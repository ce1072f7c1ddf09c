import "server-only";
import type { Db } from "@/lib/server/db/prisma";
import { hashPassword, verifyPassword } from "@/lib/server/auth/password";
import { revokeAllSessions } from "@/lib/server/auth/sessions";
import { checkLockout } from "@/lib/server/rate-limit/check-lockout";
import { rateLimitKey } from "@/lib/server/rate-limit/hash-key";
import { SIGN_IN_ACCOUNT } from "@/lib/server/rate-limit/policies";
import { recordHit } from "@/lib/server/rate-limit/record-hit";
import { sendSms } from "@/lib/server/sms/send-sms";
import { passwordChangedSms } from "@/lib/server/password-reset/set-new-password";

export type ChangePasswordResult = { ok: true } | { ok: false; reason: "WRONG_CURRENT" } | { ok: false; reason: "LOCKED"; until: Date };

/**
 * A signed-in citizen changes their password. The current password is checked
 * under the same lockout as sign-in (a stolen session must not become a free
 * password-guessing oracle); every other session ends.
 */
export async function changePassword({
  db,
  accountId,
  sessionId,
  currentPassword,
  newPassword,
  now = new Date(),
}: {
  db: Db;
  accountId: string;
  sessionId: string;
  currentPassword: string;
  newPassword: string;
  now?: Date;
}): Promise<ChangePasswordResult> {
  const account = await db.citizenAccount.findUniqueOrThrow({
    where: { id: accountId },
    select: { nationalId: true, mobile: true, passwordHash: true },
  });
  const key = rateLimitKey("citizen", account.nationalId);
  const lock = await checkLockout({ db, policy: SIGN_IN_ACCOUNT, key, now });
  if (lock.locked) return { ok: false, reason: "LOCKED", until: lock.until };
  if (!(await verifyPassword(account.passwordHash, currentPassword))) {
    await recordHit({ db, bucket: SIGN_IN_ACCOUNT.bucket, key, now });
    return { ok: false, reason: "WRONG_CURRENT" };
  }
  await db.citizenAccount.update({
    where: { id: accountId },
    data: { passwordHash: await hashPassword(newPassword), passwordChangedAt: now },
    select: { id: true },
  });
  await revokeAllSessions({ db, subject: { citizenId: accountId }, except: sessionId, now });
  await sendSms({ db, to: account.mobile, body: passwordChangedSms() }).catch(() => undefined);
  return { ok: true };
}
