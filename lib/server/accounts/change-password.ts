import "server-only";
import type { Db } from "@/lib/server/db/prisma";
import { hashPassword, verifyPassword } from "@/lib/server/auth/password";
import { revokeAllSessions } from "@/lib/server/auth/sessions";
import { clearHits } from "@/lib/server/rate-limit/clear-hits";
import { rateLimitKey } from "@/lib/server/rate-limit/hash-key";
import { SIGN_IN_ACCOUNT } from "@/lib/server/rate-limit/policies";
import { takeAttempt } from "@/lib/server/rate-limit/take-attempt";
import { queueSms } from "@/lib/server/sms/queue-sms";
import { passwordChangedSms } from "@/lib/server/password-reset/set-new-password";

export type ChangePasswordResult = { ok: true } | { ok: false; reason: "WRONG_CURRENT" } | { ok: false; reason: "LOCKED"; until: Date };

/**
 * A signed-in citizen changes their password. The current password is checked
 * under the same lockout as sign-in (a stolen session must not become a free
 * password-guessing oracle). As in sign-in, the attempt is recorded before the
 * password is checked, so a parallel burst checks at most the limit's worth;
 * a success clears the failures. Every other session ends.
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
  const attempt = await takeAttempt({ db, limits: [{ policy: SIGN_IN_ACCOUNT, key }], now });
  if (!attempt.ok) return { ok: false, reason: "LOCKED", until: attempt.until };
  if (!(await verifyPassword(account.passwordHash, currentPassword))) return { ok: false, reason: "WRONG_CURRENT" };
  await clearHits({ db, bucket: SIGN_IN_ACCOUNT.bucket, key });
  const passwordHash = await hashPassword(newPassword);
  await db.$transaction(async (tx) => {
    await tx.citizenAccount.update({ where: { id: accountId }, data: { passwordHash, passwordChangedAt: now }, select: { id: true } });
    // Queued with the change; the change stands whatever later happens to the message.
    await queueSms(tx, { to: account.mobile, kind: "PASSWORD_CHANGED", citizenId: accountId, body: passwordChangedSms(), now });
  });
  await revokeAllSessions({ db, subject: { citizenId: accountId }, except: sessionId, now });
  return { ok: true };
}
