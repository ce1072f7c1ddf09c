import "server-only";
import type { Db } from "@/lib/server/db/prisma";
import { checkLockout } from "./check-lockout";
import type { RateLimitPolicy } from "./policies";
import { recordHit } from "./record-hit";

export type Limit = { policy: RateLimitPolicy; key: string };

export type Attempt = { ok: true; hitIds: string[] } | { ok: false; limit: Limit; until: Date };

/**
 * Counts one attempt against every limit before the caller checks anything
 * (a password, a code, a registry look-up). While any limit is locked nothing
 * is recorded. Recording first, then checking again with room for this
 * attempt only, means a burst of parallel attempts cannot get more than `max`
 * checks through: each sees the others' hits. The caller may take back its
 * hits (withdrawHit) when only failures should count.
 */
export async function takeAttempt({ db, limits, now = new Date() }: { db: Db; limits: Limit[]; now?: Date }): Promise<Attempt> {
  const locked = await firstLock({ db, limits, now, allowance: 0 });
  if (locked) return locked;
  const hits = await Promise.all(limits.map(({ policy, key }) => recordHit({ db, bucket: policy.bucket, key, now })));
  const overrun = await firstLock({ db, limits, now, allowance: 1 });
  if (overrun) return overrun;
  return { ok: true, hitIds: hits.map((hit) => hit.id) };
}

async function firstLock({ db, limits, now, allowance }: { db: Db; limits: Limit[]; now: Date; allowance: number }) {
  const states = await Promise.all(
    limits.map(({ policy, key }) => checkLockout({ db, policy: { ...policy, max: policy.max + allowance }, key, now })),
  );
  const index = states.findIndex((state) => state.locked);
  if (index < 0) return null;
  const state = states[index]!;
  return state.locked ? { ok: false as const, limit: limits[index]!, until: state.until } : null;
}
