import "server-only";
import type { Db } from "@/lib/server/db/prisma";

/** Forgets every hit of one subject in a bucket (e.g. an account's failures after it signs in). */
export async function clearHits({ db, bucket, key }: { db: Db; bucket: string; key: string }): Promise<void> {
  await db.rateLimitHit.deleteMany({ where: { bucket, key } });
}
