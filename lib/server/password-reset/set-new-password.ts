import "server-only";
import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/server/db/prisma";
import { hashPassword } from "@/lib/server/auth/password";
import { revokeAllSessions } from "@/lib/server/auth/sessions";
import { clearHits } from "@/lib/server/rate-limit/clear-hits";
import { rateLimitKey } from "@/lib/server/rate-limit/hash-key";
import { SIGN_IN_ACCOUNT } from "@/lib/server/rate-limit/policies";
import { queueSms } from "@/lib/server/sms/queue-sms";
import type { PasswordPersonalInfo } from "@/lib/utils/password-rules";

export const passwordChangedSms = () =>
  "گذرواژه حساب شما در سامانه خدمات غیرحضوری تأمین اجتماعی تغییر کرد و همه ورودهای قبلی بسته شد. اگر شما این کار را نکرده‌اید، فوراً به شعبه مراجعه کنید.";

/** The person's details the new password must not contain. */
export async function getPasswordRulesContext({ db, accountId }: { db: Db; accountId: string }): Promise<PasswordPersonalInfo> {
  const account = await db.citizenAccount.findUnique({
    where: { id: accountId },
    select: { firstName: true, lastName: true, fatherName: true, nationalId: true, mobile: true },
  });
  if (!account) throw new AppError("NOT_FOUND");
  return account;
}

/**
 * "Forgot password", step 3: uses the verified flow once (a replayed or
 * second post finds it used), and in the same transaction the new password
 * replaces the old and every session ends.
 */
export async function setNewPassword({
  db,
  ticketId,
  password,
  now = new Date(),
}: {
  db: Db;
  ticketId: string;
  password: string;
  now?: Date;
}): Promise<{ ok: true } | { ok: false }> {
  const passwordHash = await hashPassword(password);
  const account = await db.$transaction(async (tx) => {
    const used = await tx.passwordResetTicket.updateMany({
      where: { id: ticketId, usedAt: null, verifiedAt: { not: null }, accountId: { not: null }, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (used.count !== 1) return null;
    const { accountId } = await tx.passwordResetTicket.findUniqueOrThrow({ where: { id: ticketId }, select: { accountId: true } });
    const updated = await tx.citizenAccount.update({
      where: { id: accountId! },
      data: { passwordHash, passwordChangedAt: now },
      select: { id: true, mobile: true, nationalId: true },
    });
    await revokeAllSessions({ db: tx as unknown as Db, subject: { citizenId: updated.id }, now });
    await queueSms(tx, { to: updated.mobile, kind: "PASSWORD_CHANGED", citizenId: updated.id, body: passwordChangedSms(), now });
    return updated;
  });
  if (!account) return { ok: false };
  // A person locked out by failed sign-ins who proved their identity may sign in at once.
  await clearHits({ db, bucket: SIGN_IN_ACCOUNT.bucket, key: rateLimitKey("citizen", account.nationalId) });
  return { ok: true };
}
