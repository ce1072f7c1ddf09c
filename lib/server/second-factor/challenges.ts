import "server-only";
import crypto from "node:crypto";
import type { Db } from "@/lib/server/db/prisma";
import type { FactorSubject } from "./subject";

/** How long the second step may take after the password was accepted, and how many codes it may try. */
export const CHALLENGE_TTL_MS = 5 * 60_000;
export const CHALLENGE_MAX_ATTEMPTS = 5;

const hashToken = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

export type Challenge = { id: string; subject: FactorSubject };

/** The password was right: the second step may begin (the token goes to the browser only). */
export async function createChallenge({ db, subject, now = new Date() }: { db: Db; subject: FactorSubject; now?: Date }): Promise<{ token: string }> {
  const token = crypto.randomBytes(32).toString("base64url");
  await db.signInChallenge.create({
    data: {
      tokenHash: hashToken(token),
      kind: subject.kind,
      staffId: subject.kind === "STAFF" ? subject.staffId : null,
      citizenId: subject.kind === "CITIZEN" ? subject.citizenId : null,
      createdAt: now,
      expiresAt: new Date(now.getTime() + CHALLENGE_TTL_MS),
    },
    select: { id: true },
  });
  return { token };
}

/** The live challenge behind a token: unexpired, not completed, attempts left. */
export async function findChallenge({ db, token, now = new Date() }: { db: Db; token: string; now?: Date }): Promise<Challenge | null> {
  if (!token) return null;
  const row = await db.signInChallenge.findFirst({
    where: { tokenHash: hashToken(token), completedAt: null, expiresAt: { gt: now }, attempts: { lt: CHALLENGE_MAX_ATTEMPTS } },
    select: { id: true, kind: true, staffId: true, citizenId: true },
  });
  if (!row) return null;
  if (row.kind === "STAFF" && row.staffId) return { id: row.id, subject: { kind: "STAFF", staffId: row.staffId } };
  if (row.kind === "CITIZEN" && row.citizenId) return { id: row.id, subject: { kind: "CITIZEN", citizenId: row.citizenId } };
  return null;
}

/** Counts one code against the challenge before it is checked; false when none are left. */
export async function takeChallengeAttempt({ db, challengeId }: { db: Db; challengeId: string }): Promise<boolean> {
  const counted = await db.signInChallenge.updateMany({
    where: { id: challengeId, completedAt: null, attempts: { lt: CHALLENGE_MAX_ATTEMPTS } },
    data: { attempts: { increment: 1 } },
  });
  return counted.count === 1;
}

/** The second step succeeded: the challenge is used up, exactly once. */
export async function completeChallenge({ db, challengeId, now = new Date() }: { db: Db; challengeId: string; now?: Date }): Promise<boolean> {
  const done = await db.signInChallenge.updateMany({ where: { id: challengeId, completedAt: null, expiresAt: { gt: now } }, data: { completedAt: now } });
  return done.count === 1;
}
