import "server-only";
import type { Db } from "@/lib/server/db/prisma";

/**
 * Deletes the links confirming an email address once they have expired, used
 * or not (each holds an address and a token's hash; a link works for a day).
 * Returns how many went.
 */
export async function deleteExpiredEmailLinks({ db, now }: { db: Db; now: Date }): Promise<number> {
  const { count } = await db.emailVerification.deleteMany({ where: { expiresAt: { lt: now } } });
  return count;
}
