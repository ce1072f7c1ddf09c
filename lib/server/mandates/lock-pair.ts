import "server-only";
import type { Db, Tx } from "@/lib/server/db/prisma";

/**
 * Serialises grants for one helper and principal until the transaction ends, so
 * that of two grants at once (two codes, or a code and a branch) only the first
 * finds no live mandate. "Live" depends on the clock (the end date), which a
 * unique index's predicate cannot read.
 */
export async function lockMandatePair(tx: Tx, helperId: string, principalId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`mandate:${helperId}:${principalId}`}))`;
}

/** The pair's mandate that is granted, not revoked and not yet over, if any. */
export function findLiveMandate(tx: Db | Tx, helperId: string, principalId: string, now: Date) {
  return tx.mandate.findFirst({
    where: { helperId, principalId, grantedAt: { not: null }, revokedAt: null, endsAt: { gt: now } },
    select: { id: true },
  });
}
