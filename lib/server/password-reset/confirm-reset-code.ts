import "server-only";
import type { Db } from "@/lib/server/db/prisma";
import { verifyOneTimeCode, type VerifyResult } from "@/lib/server/otp/verify-one-time-code";

/** "Forgot password", step 2: the code proves the person holds the account's mobile. */
export async function confirmResetCode({
  db,
  nationalId,
  mobile,
  code,
  now = new Date(),
}: {
  db: Db;
  nationalId: string;
  mobile: string;
  code: string;
  now?: Date;
}): Promise<{ ok: true; accountId: string } | Exclude<VerifyResult, { ok: true }>> {
  const account = await db.citizenAccount.findUnique({ where: { nationalId }, select: { id: true, mobile: true } });
  // No account, or another mobile: answered exactly like "no valid code".
  if (!account || account.mobile !== mobile) return { ok: false, reason: "NO_CODE" };
  const result = await verifyOneTimeCode({ db, purpose: "PASSWORD_RESET", subjectId: account.id, code, now });
  return result.ok ? { ok: true, accountId: account.id } : result;
}
