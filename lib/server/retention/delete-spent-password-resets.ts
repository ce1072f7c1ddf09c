import "server-only";
import type { Db } from "@/lib/server/db/prisma";

/**
 * Deletes "forgot password" flows that were finished or expired before
 * `olderThan` (each holds a national ID and a mobile number). The limits on
 * asking for a reset are rate-limit hits, not these rows. Returns how many went.
 */
export async function deleteSpentPasswordResets({ db, olderThan }: { db: Db; olderThan: Date }): Promise<number> {
  const { count } = await db.passwordResetTicket.deleteMany({
    where: { OR: [{ usedAt: { lt: olderThan } }, { expiresAt: { lt: olderThan } }] },
  });
  return count;
}
