import "server-only";
import type { Db } from "@/lib/server/db/prisma";
import { checkLockout } from "@/lib/server/rate-limit/check-lockout";
import { clearHits } from "@/lib/server/rate-limit/clear-hits";
import { rateLimitKey } from "@/lib/server/rate-limit/hash-key";
import { SIGN_IN_ACCOUNT, SIGN_IN_IP, type RateLimitPolicy } from "@/lib/server/rate-limit/policies";
import { pruneHitsOccasionally } from "@/lib/server/rate-limit/prune-hits";
import { recordHit } from "@/lib/server/rate-limit/record-hit";
import { withdrawHit } from "@/lib/server/rate-limit/withdraw-hit";
import { rateLimitNetwork } from "@/lib/server/request-ip";
import { dummyPasswordHash, verifyPassword } from "./password";
import { createSession } from "./sessions";

export type SignInResult =
  | { ok: true; session: { id: string; expiresAt: Date } }
  | { ok: false; reason: "INVALID" }
  /** `lockedBy` says whose failures locked it: this account's, or this network's across accounts. */
  | { ok: false; reason: "LOCKED"; lockedBy: "ACCOUNT" | "NETWORK"; until: Date };

type SessionSubject = Parameters<typeof createSession>[0]["subject"];

/**
 * Checks a citizen's national ID and password and opens a session. An unknown
 * account costs the same password check, so timing does not reveal who is
 * registered, and is throttled like a real one, so a lockout does not either.
 */
export async function signInCitizen({
  db,
  nationalId,
  password,
  ip,
  now = new Date(),
}: {
  db: Db;
  nationalId: string;
  password: string;
  ip: string;
  now?: Date;
}): Promise<SignInResult> {
  return throttledSignIn({
    db,
    accountKey: rateLimitKey("citizen", nationalId),
    ip,
    now,
    async verify() {
      const account = await db.citizenAccount.findUnique({
        where: { nationalId },
        select: { id: true, passwordHash: true },
      });
      const valid = await verifyPassword(account?.passwordHash ?? (await dummyPasswordHash()), password);
      return account && valid ? { kind: "CITIZEN", citizenId: account.id } : null;
    },
  });
}

/** The staff counterpart of signInCitizen; a disabled account fails like a wrong password. */
export async function signInStaff({
  db,
  personnelCode,
  password,
  ip,
  now = new Date(),
}: {
  db: Db;
  personnelCode: string;
  password: string;
  ip: string;
  now?: Date;
}): Promise<SignInResult> {
  return throttledSignIn({
    db,
    accountKey: rateLimitKey("staff", personnelCode),
    ip,
    now,
    async verify() {
      const account = await db.staffAccount.findUnique({
        where: { personnelCode },
        select: { id: true, passwordHash: true, disabledAt: true },
      });
      const valid = await verifyPassword(account?.passwordHash ?? (await dummyPasswordHash()), password);
      return account && valid && !account.disabledAt ? { kind: "STAFF", staffId: account.id } : null;
    },
  });
}

/**
 * SIGN_IN_ACCOUNT and SIGN_IN_IP around a password check. While either is
 * locked the password is not checked at all. Every attempt is recorded before
 * its check and taken back if it succeeds: recording only failures would let a
 * burst of parallel attempts all pass the lock check before the first failure
 * is written, and so try far more than `max` passwords.
 */
async function throttledSignIn({
  db,
  accountKey,
  ip,
  now,
  verify,
}: {
  db: Db;
  accountKey: string;
  ip: string;
  now: Date;
  verify: () => Promise<SessionSubject | null>;
}): Promise<SignInResult> {
  const networkKey = rateLimitKey("ip", rateLimitNetwork(ip));
  const lockedBefore = await findLock({ db, accountKey, networkKey, now, allowance: 0 });
  if (lockedBefore) return lockedBefore;

  const [, networkHit] = await Promise.all([
    recordHit({ db, bucket: SIGN_IN_ACCOUNT.bucket, key: accountKey, now }),
    recordHit({ db, bucket: SIGN_IN_IP.bucket, key: networkKey, now }),
  ]);
  // This attempt now counts itself, so it may be the max-th but not one beyond.
  const overrun = await findLock({ db, accountKey, networkKey, now, allowance: 1 });
  if (overrun) return overrun;

  const subject = await verify();
  if (!subject) {
    await pruneHitsOccasionally({ db, now });
    return { ok: false, reason: "INVALID" };
  }
  await Promise.all([
    clearHits({ db, bucket: SIGN_IN_ACCOUNT.bucket, key: accountKey }),
    // Successful sign-ins do not count against the network (an office behind one address).
    withdrawHit({ db, id: networkHit.id }),
  ]);
  return { ok: true, session: await createSession({ db, subject, now }) };
}

async function findLock({
  db,
  accountKey,
  networkKey,
  now,
  allowance,
}: {
  db: Db;
  accountKey: string;
  networkKey: string;
  now: Date;
  allowance: number;
}): Promise<Extract<SignInResult, { reason: "LOCKED" }> | null> {
  const widen = (policy: RateLimitPolicy) => ({ ...policy, max: policy.max + allowance });
  const [account, network] = await Promise.all([
    checkLockout({ db, policy: widen(SIGN_IN_ACCOUNT), key: accountKey, now }),
    checkLockout({ db, policy: widen(SIGN_IN_IP), key: networkKey, now }),
  ]);
  if (account.locked) return { ok: false, reason: "LOCKED", lockedBy: "ACCOUNT", until: account.until };
  if (network.locked) return { ok: false, reason: "LOCKED", lockedBy: "NETWORK", until: network.until };
  return null;
}
