import "server-only";
import type { Db } from "@/lib/server/db/prisma";

/** Hits of one subject in a bucket at or after `since`. */
export async function countHits({
  db,
  bucket,
  key,
  since,
}: {
  db: Db;
  bucket: string;
  key: string;
  since: Date;
}): Promise<number> {
  return db.rateLimitHit.count({ where: { bucket, key, at: { gte: since } } });
}
