import "server-only";
import type { Db } from "@/lib/server/db/prisma";
import { checkLockout } from "@/lib/server/rate-limit/check-lockout";
import { clearHits } from "@/lib/server/rate-limit/clear-hits";
import { rateLimitKey } from "@/lib/server/rate-limit/hash-key";
import { SIGN_IN_ACCOUNT, SIGN_IN_IP, SIGN_IN_STAFF_ACCOUNT } from "@/lib/server/rate-limit/policies";
import { pruneHitsOccasionally } from "@/lib/server/rate-limit/prune-hits";
import { takeAttempt, type Limit } from "@/lib/server/rate-limit/take-attempt";
import { withdrawHit } from "@/lib/server/rate-limit/withdraw-hit";
import { rateLimitNetwork } from "@/lib/server/request-ip";
import { raiseStaffSignInBurst } from "./raise-staff-sign-in-burst";
import { getMetrics } from "@/lib/server/observability/metrics";
import { dummyPasswordHash, verifyPassword } from "./password";

export type SignInSubject = { kind: "CITIZEN"; citizenId: string } | { kind: "STAFF"; staffId: string };

export type SignInResult =
  /** The password is right; the caller opens a session or asks for the second factor. */
  | { ok: true; subject: SignInSubject }
  | { ok: false; reason: "INVALID" }
  /**
   * Whose failures locked it: this account's (for staff: from this network),
   * a staff account's from many networks (EVERYWHERE), or this network's across accounts.
   */
  | { ok: false; reason: "LOCKED"; lockedBy: "ACCOUNT" | "EVERYWHERE" | "NETWORK"; until: Date };

/**
 * Checks a citizen's national ID and password. An unknown account costs the
 * same password check, so timing does not reveal who is registered, and is
 * throttled like a real one, so a lockout does not either.
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
  const accountKey = rateLimitKey("citizen", nationalId);
  const result = await throttledSignIn({
    db,
    account: { policy: SIGN_IN_ACCOUNT, key: accountKey },
    ip,
    now,
    async verify() {
      const account = await db.citizenAccount.findUnique({ where: { nationalId }, select: { id: true, passwordHash: true } });
      const valid = await verifyPassword(account?.passwordHash ?? (await dummyPasswordHash()), password);
      return account && valid ? { kind: "CITIZEN", citizenId: account.id } : null;
    },
  });
  return countFailure("citizen", result);
}

/**
 * The staff counterpart of signInCitizen; a disabled account fails like a
 * wrong password. Personnel codes are guessable (branch + two digits), so
 * failures lock a staff account only for the network they come from; an
 * account-wide lock needs SIGN_IN_STAFF_ACCOUNT's many failures, and raises an
 * alert (raiseStaffSignInBurst).
 */
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
  const everywhere = { policy: SIGN_IN_STAFF_ACCOUNT, key: rateLimitKey("staff", personnelCode) };
  const account = await db.staffAccount.findUnique({ where: { personnelCode }, select: { id: true, passwordHash: true, disabledAt: true } });
  const result = await throttledSignIn({
    db,
    account: { policy: SIGN_IN_ACCOUNT, key: rateLimitKey("staff", personnelCode, rateLimitNetwork(ip)) },
    everywhere,
    ip,
    now,
    async verify() {
      const valid = await verifyPassword(account?.passwordHash ?? (await dummyPasswordHash()), password);
      return account && valid && !account.disabledAt ? { kind: "STAFF", staffId: account.id } : null;
    },
  });
  if (account && !result.ok && result.reason === "INVALID") {
    const lock = await checkLockout({ db, policy: everywhere.policy, key: everywhere.key, now });
    if (lock.locked) await raiseStaffSignInBurst({ db, staffId: account.id, until: lock.until, now });
  }
  return countFailure("staff", result);
}

/** Refusals in the metrics (an operator watches for a spike of lockouts). */
function countFailure(account: "citizen" | "staff", result: SignInResult): SignInResult {
  if (!result.ok) getMetrics().signInFailures.inc({ account, reason: result.reason });
  return result;
}

/**
 * The account's limits and SIGN_IN_IP around a password check. While any is
 * locked the password is not checked at all. Every attempt is recorded before
 * its check (takeAttempt) and taken back if it succeeds: recording only
 * failures would let a burst of parallel attempts all pass the lock check
 * before the first failure is written, and so try far more than `max` passwords.
 */
async function throttledSignIn({
  db,
  account,
  everywhere,
  ip,
  now,
  verify,
}: {
  db: Db;
  account: Limit;
  everywhere?: Limit;
  ip: string;
  now: Date;
  verify: () => Promise<SignInSubject | null>;
}): Promise<SignInResult> {
  const network = { policy: SIGN_IN_IP, key: rateLimitKey("ip", rateLimitNetwork(ip)) };
  const limits = [account, ...(everywhere ? [everywhere] : []), network];
  const attempt = await takeAttempt({ db, limits, now });
  if (!attempt.ok) {
    const lockedBy = attempt.limit === network ? "NETWORK" : attempt.limit === everywhere ? "EVERYWHERE" : "ACCOUNT";
    return { ok: false, reason: "LOCKED", lockedBy, until: attempt.until };
  }
  const subject = await verify();
  if (!subject) {
    await pruneHitsOccasionally({ db, now });
    return { ok: false, reason: "INVALID" };
  }
  // A success clears the account's failures (from this network, for staff) and
  // counts against nothing else: not the network (an office behind one
  // address), not the account-wide back-off.
  await Promise.all([clearHits({ db, bucket: account.policy.bucket, key: account.key }), ...attempt.hitIds.slice(1).map((id) => withdrawHit({ db, id }))]);
  return { ok: true, subject };
}
