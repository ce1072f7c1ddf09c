import "server-only";
import type { Db } from "@/lib/server/db/prisma";

/** Records one hit (an attempt or a failure, as the caller's policy counts) and returns its id. */
export async function recordHit({
  db,
  bucket,
  key,
  now = new Date(),
}: {
  db: Db;
  bucket: string;
  key: string;
  now?: Date;
}): Promise<{ id: string }> {
  return db.rateLimitHit.create({ data: { bucket, key, at: now }, select: { id: true } });
}
