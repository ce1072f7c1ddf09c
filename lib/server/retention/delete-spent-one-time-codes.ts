import "server-only";
import type { Db } from "@/lib/server/db/prisma";
import { OTP_POLICY } from "@/lib/server/otp/otp-policy";

/**
 * Deletes one-time codes that were used (or replaced by a newer code) or
 * expired before `olderThan`. A code still counts towards its number's sends
 * per window (issueOneTimeCode counts the rows), so none younger than that
 * window goes, whatever the retention period. Returns how many went.
 */
export async function deleteSpentOneTimeCodes({ db, olderThan, now }: { db: Db; olderThan: Date; now: Date }): Promise<number> {
  const { count } = await db.oneTimeCode.deleteMany({
    where: {
      OR: [{ consumedAt: { lt: olderThan } }, { expiresAt: { lt: olderThan } }],
      createdAt: { lt: new Date(now.getTime() - OTP_POLICY.sendWindowMs) },
    },
  });
  return count;
}
