import "server-only";
import type { Db } from "@/lib/server/db/prisma";

/**
 * Deletes second-factor sign-in steps that were completed or expired before
 * `olderThan`. Wrong codes are counted as rate-limit hits as well, so the
 * lock does not depend on these rows. Returns how many went.
 */
export async function deleteSpentSignInChallenges({ db, olderThan }: { db: Db; olderThan: Date }): Promise<number> {
  const { count } = await db.signInChallenge.deleteMany({
    where: { OR: [{ completedAt: { lt: olderThan } }, { expiresAt: { lt: olderThan } }] },
  });
  return count;
}
