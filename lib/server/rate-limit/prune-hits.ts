import "server-only";
import { getConfig } from "@/lib/config";
import type { Db } from "@/lib/server/db/prisma";

const HOUR_MS = 60 * 60_000;
const PRUNE_INTERVAL_MS = 10 * 60_000;

/**
 * How long a hit is kept: RETENTION_RATE_LIMIT_HITS_HOURS (a day by default),
 * never less than the longest look-back of a policy (lib/env-schema.ts).
 */
export const hitRetentionMs = () => getConfig().RETENTION_RATE_LIMIT_HITS_HOURS * HOUR_MS;

/** Deletes hits counted before `olderThan`; uses the index on `at`. Returns how many went. */
export async function pruneHits({ db, olderThan }: { db: Db; olderThan: Date }): Promise<number> {
  const { count } = await db.rateLimitHit.deleteMany({ where: { at: { lt: olderThan } } });
  return count;
}

// Per process: with several instances each prunes now and then, which is harmless.
let lastPrunedAt = Number.NEGATIVE_INFINITY;

/**
 * Prunes at most once every ten minutes per process, so callers on the hot path
 * (failed sign-ins) keep the table small under a flood between two runs of the
 * retention job (lib/server/retention/run-retention.ts).
 */
export async function pruneHitsOccasionally({ db, now = new Date() }: { db: Db; now?: Date }): Promise<void> {
  if (Math.abs(now.getTime() - lastPrunedAt) < PRUNE_INTERVAL_MS) return;
  lastPrunedAt = now.getTime();
  await pruneHits({ db, olderThan: new Date(now.getTime() - hitRetentionMs()) });
}
