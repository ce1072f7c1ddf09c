import "server-only";
import { createSession } from "@/lib/server/auth/sessions";
import type { SignInSubject } from "@/lib/server/auth/sign-in";
import type { Db } from "@/lib/server/db/prisma";
import { rateLimitKey } from "@/lib/server/rate-limit/hash-key";
import { SECOND_FACTOR_ACCOUNT } from "@/lib/server/rate-limit/policies";
import { takeAttempt } from "@/lib/server/rate-limit/take-attempt";
import { withdrawHit } from "@/lib/server/rate-limit/withdraw-hit";
import { completeChallenge, createChallenge, takeChallengeAttempt, type Challenge } from "./challenges";
import { confirmEnrolment, hasSecondFactor, startEnrolment } from "./enrolment";
import { verifySecondFactor } from "./verify-second-factor";

type Session = { id: string; expiresAt: Date };

export type AfterPassword =
  | { next: "SESSION"; session: Session }
  /** The authenticator's code is asked next (staff always; citizens who turned it on). */
  | { next: "CODE"; token: string }
  /** A staff member without an authenticator enrols one before the first session. */
  | { next: "ENROL"; token: string };

/**
 * The password was right. Staff always need a second factor: the code, or
 * (first sign-in, or after the branch head reset it) enrolment of an
 * authenticator; citizens only when they turned it on. No session exists
 * until the second step succeeds (docs/decisions/015).
 */
export async function afterPassword({ db, subject, account, now = new Date() }: { db: Db; subject: SignInSubject; account: string; now?: Date }): Promise<AfterPassword> {
  const enrolled = await hasSecondFactor({ db, subject });
  if (!enrolled && subject.kind === "CITIZEN") return { next: "SESSION", session: await createSession({ db, subject, now }) };
  if (!enrolled) await startEnrolment({ db, subject, account });
  const { token } = await createChallenge({ db, subject, now });
  return { next: enrolled ? "CODE" : "ENROL", token };
}

export type SecondStepResult =
  | { ok: true; session: Session }
  | { ok: false; reason: "WRONG" | "REUSED" | "EXPIRED" }
  | { ok: false; reason: "LOCKED"; until: Date };

/** The second step: a code (or recovery code) for a live challenge opens the session. */
export async function completeSecondStep({ db, challenge, code, now = new Date() }: { db: Db; challenge: Challenge; code: string; now?: Date }): Promise<SecondStepResult> {
  const counted = await countAttempt({ db, challenge, now });
  if (!counted.ok) return counted;
  const check = await verifySecondFactor({ db, subject: challenge.subject, code, now });
  if (!check.ok) return check;
  if (!(await completeChallenge({ db, challengeId: challenge.id, now }))) return { ok: false, reason: "EXPIRED" };
  await withdrawHit({ db, id: counted.hitId });
  return { ok: true, session: await createSession({ db, subject: challenge.subject, now }) };
}

export type EnrolResult = { ok: true; session: Session; recoveryCodes: string[] } | Exclude<SecondStepResult, { ok: true }>;

/** Enrolment's last step: the app's first code confirms it and opens the session. */
export async function completeEnrolment({ db, challenge, code, now = new Date() }: { db: Db; challenge: Challenge; code: string; now?: Date }): Promise<EnrolResult> {
  const counted = await countAttempt({ db, challenge, now });
  if (!counted.ok) return counted;
  const confirmed = await confirmEnrolment({ db, subject: challenge.subject, code, now });
  if (!confirmed.ok) return { ok: false, reason: "WRONG" };
  if (!(await completeChallenge({ db, challengeId: challenge.id, now }))) return { ok: false, reason: "EXPIRED" };
  await withdrawHit({ db, id: counted.hitId });
  return { ok: true, session: await createSession({ db, subject: challenge.subject, now }), recoveryCodes: confirmed.recoveryCodes };
}

/** Five codes per challenge, and SECOND_FACTOR_ACCOUNT per account, counted before the code is checked. */
async function countAttempt({ db, challenge, now }: { db: Db; challenge: Challenge; now: Date }) {
  if (!(await takeChallengeAttempt({ db, challengeId: challenge.id }))) return { ok: false as const, reason: "EXPIRED" as const };
  const subject = challenge.subject;
  const key = rateLimitKey("second-factor", subject.kind === "STAFF" ? subject.staffId : subject.citizenId);
  const attempt = await takeAttempt({ db, limits: [{ policy: SECOND_FACTOR_ACCOUNT, key }], now });
  if (!attempt.ok) return { ok: false as const, reason: "LOCKED" as const, until: attempt.until };
  return { ok: true as const, hitId: attempt.hitIds[0]! };
}
