import "server-only";
import type { Db } from "@/lib/server/db/prisma";

/** Records one hit (an attempt or a failure, as the caller's policy counts) and returns its id. */
export async function recordHit({
  db,
  bucket,
  key,
  now = new Date(),
  weight = 1,
}: {
  db: Db;
  bucket: string;
  key: string;
  now?: Date;
  /** For quotas by amount (bytes); limits by count leave it at 1. */
  weight?: number;
}): Promise<{ id: string }> {
  return db.rateLimitHit.create({ data: { bucket, key, at: now, weight }, select: { id: true } });
}
