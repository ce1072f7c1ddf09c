import "server-only";
import type { Db } from "@/lib/server/db/prisma";

/** No policy looks further back than a day. */
export const HIT_RETENTION_MS = 24 * 60 * 60_000;
const PRUNE_INTERVAL_MS = 10 * 60_000;

/** Deletes hits older than a day; uses the index on `at`. Returns how many went. */
export async function pruneHits({ db, now = new Date() }: { db: Db; now?: Date }): Promise<number> {
  const { count } = await db.rateLimitHit.deleteMany({ where: { at: { lt: new Date(now.getTime() - HIT_RETENTION_MS) } } });
  return count;
}

// Per process: with several instances each prunes now and then, which is harmless.
let lastPrunedAt = Number.NEGATIVE_INFINITY;

/**
 * Prunes at most once every ten minutes per process, so callers on the hot path
 * (failed sign-ins) can call it every time without a job scheduler.
 */
export async function pruneHitsOccasionally({ db, now = new Date() }: { db: Db; now?: Date }): Promise<void> {
  if (Math.abs(now.getTime() - lastPrunedAt) < PRUNE_INTERVAL_MS) return;
  lastPrunedAt = now.getTime();
  await pruneHits({ db, now });
}
