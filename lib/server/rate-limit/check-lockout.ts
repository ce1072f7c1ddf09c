import "server-only";
import type { Db } from "@/lib/server/db/prisma";
import type { RateLimitPolicy } from "./policies";

export type Lockout = { locked: false } | { locked: true; until: Date };

/**
 * The lock rule, in one place. Let H be the subject's newest hit. The subject is
 * locked at `now` when
 *   - H and the `max - 1` hits before it all fall within `windowMs` (H.at minus
 *     the max-th newest hit's time is less than `windowMs`), and
 *   - `now` is before `until = H.at + lockMs`.
 * So the hit that reaches `max` within a window starts a lock of exactly `lockMs`,
 * and `until` is the moment the lock really ends (callers record no hits while a
 * subject is locked). Unlike "at least `max` hits in the window before `now`",
 * the time shown to a person never passes early or late when `lockMs` differs
 * from `windowMs`.
 *
 * `hitsNewestFirst` needs only the `max` newest hits.
 */
export function lockoutFromHits({
  hitsNewestFirst,
  policy,
  now,
}: {
  hitsNewestFirst: readonly Date[];
  policy: Pick<RateLimitPolicy, "max" | "windowMs" | "lockMs">;
  now: Date;
}): Lockout {
  const newest = hitsNewestFirst[0];
  const maxth = hitsNewestFirst[policy.max - 1];
  if (!newest || !maxth) return { locked: false };
  if (newest.getTime() - maxth.getTime() >= policy.windowMs) return { locked: false };
  const until = new Date(newest.getTime() + policy.lockMs);
  return now < until ? { locked: true, until } : { locked: false };
}

/** Whether `key` is locked under `policy` at `now` (see lockoutFromHits). */
export async function checkLockout({
  db,
  policy,
  key,
  now = new Date(),
}: {
  db: Db;
  policy: RateLimitPolicy;
  key: string;
  now?: Date;
}): Promise<Lockout> {
  // Only hits that could still be part of a running lock; no upper bound, so a
  // hit stamped by an instance whose clock runs slightly ahead still counts.
  const hits = await db.rateLimitHit.findMany({
    where: { bucket: policy.bucket, key, at: { gt: new Date(now.getTime() - policy.lockMs - policy.windowMs) } },
    orderBy: { at: "desc" },
    take: policy.max,
    select: { at: true },
  });
  return lockoutFromHits({ hitsNewestFirst: hits.map((hit) => hit.at), policy, now });
}
