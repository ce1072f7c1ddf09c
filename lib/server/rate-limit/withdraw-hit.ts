import "server-only";
import type { Db } from "@/lib/server/db/prisma";

/**
 * Takes back one hit recorded before the outcome was known (an attempt that
 * turned out to succeed), leaving the subject's other hits in place.
 */
export async function withdrawHit({ db, id }: { db: Db; id: string }): Promise<void> {
  await db.rateLimitHit.deleteMany({ where: { id } });
}
