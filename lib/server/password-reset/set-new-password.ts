import "server-only";
import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/server/db/prisma";
import { hashPassword } from "@/lib/server/auth/password";
import { revokeAllSessions } from "@/lib/server/auth/sessions";
import { clearHits } from "@/lib/server/rate-limit/clear-hits";
import { rateLimitKey } from "@/lib/server/rate-limit/hash-key";
import { SIGN_IN_ACCOUNT } from "@/lib/server/rate-limit/policies";
import { sendSms } from "@/lib/server/sms/send-sms";
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

/** "Forgot password", step 3: the new password replaces the old; every session ends. */
export async function setNewPassword({
  db,
  accountId,
  password,
  now = new Date(),
}: {
  db: Db;
  accountId: string;
  password: string;
  now?: Date;
}) {
  const passwordHash = await hashPassword(password);
  const account = await db.$transaction(async (tx) => {
    const updated = await tx.citizenAccount.update({
      where: { id: accountId },
      data: { passwordHash, passwordChangedAt: now },
      select: { mobile: true, nationalId: true },
    });
    await revokeAllSessions({ db: tx as unknown as Db, subject: { citizenId: accountId }, now });
    return updated;
  });
  // A person locked out by failed sign-ins who proved their identity may sign in at once.
  await clearHits({ db, bucket: SIGN_IN_ACCOUNT.bucket, key: rateLimitKey("citizen", account.nationalId) });
  await sendSms({ db, to: account.mobile, body: passwordChangedSms() }).catch(() => undefined);
}
