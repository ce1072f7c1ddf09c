import "server-only";
import crypto from "node:crypto";
import type { Db } from "@/lib/server/db/prisma";
import { recordAudit } from "@/lib/server/review/record-audit";
import { hashRecoveryCode, openSecret, sealSecret } from "./secret-box";
import { factorOwner, type FactorSubject } from "./subject";
import { acceptedTimeStep, newTotpSecret, totpUri } from "./totp";

export const RECOVERY_CODE_COUNT = 10;
// No 0/O, 1/I/L: read aloud or copied by hand without mistakes.
const RECOVERY_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/** Whether the subject has a confirmed authenticator. */
export async function hasSecondFactor({ db, subject }: { db: Db; subject: FactorSubject }): Promise<boolean> {
  const factor = await db.secondFactor.findUnique({ where: factorOwner(subject), select: { confirmedAt: true } });
  return Boolean(factor?.confirmedAt);
}

/**
 * The secret being enrolled, created on first call and kept until confirmed
 * (a reload shows the same QR code). Null when an authenticator is already confirmed.
 */
export async function startEnrolment({
  db,
  subject,
  account,
}: {
  db: Db;
  subject: FactorSubject;
  /** The name shown in the authenticator app (personnel code or national ID). */
  account: string;
}): Promise<{ secret: string; uri: string } | null> {
  const owner = factorOwner(subject);
  const existing = await db.secondFactor.findUnique({ where: owner, select: { secretEncrypted: true, confirmedAt: true } });
  if (existing?.confirmedAt) return null;
  let secret = existing ? openSecret(existing.secretEncrypted) : null;
  if (!secret) {
    secret = newTotpSecret();
    await db.secondFactor.upsert({
      where: owner,
      create: { ...owner, secretEncrypted: sealSecret(secret) },
      update: { secretEncrypted: sealSecret(secret), confirmedAt: null, lastTimeStep: null },
      select: { id: true },
    });
  }
  return { secret, uri: totpUri({ secret, account }) };
}

/** The enrolment in progress (for its page), without creating one. */
export async function pendingEnrolment({ db, subject, account }: { db: Db; subject: FactorSubject; account: string }): Promise<{ secret: string; uri: string } | null> {
  const factor = await db.secondFactor.findUnique({ where: factorOwner(subject), select: { secretEncrypted: true, confirmedAt: true } });
  const secret = factor && !factor.confirmedAt ? openSecret(factor.secretEncrypted) : null;
  return secret ? { secret, uri: totpUri({ secret, account }) } : null;
}

/**
 * The first code from the app confirms the enrolment; the recovery codes are
 * made then and shown once (only their keyed hashes are kept).
 */
export async function confirmEnrolment({
  db,
  subject,
  code,
  now = new Date(),
}: {
  db: Db;
  subject: FactorSubject;
  code: string;
  now?: Date;
}): Promise<{ ok: true; recoveryCodes: string[] } | { ok: false }> {
  const factor = await db.secondFactor.findUnique({ where: factorOwner(subject), select: { id: true, secretEncrypted: true, confirmedAt: true } });
  const secret = factor && !factor.confirmedAt ? openSecret(factor.secretEncrypted) : null;
  if (!factor || !secret) return { ok: false };
  const step = await acceptedTimeStep({ secret, token: code, now });
  if (step === null) return { ok: false };
  const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  const confirmed = await db.$transaction(async (tx) => {
    const updated = await tx.secondFactor.updateMany({ where: { id: factor.id, confirmedAt: null }, data: { confirmedAt: now, lastTimeStep: step } });
    if (updated.count !== 1) return false;
    await tx.recoveryCode.deleteMany({ where: { secondFactorId: factor.id } });
    await tx.recoveryCode.createMany({ data: recoveryCodes.map((recovery) => ({ secondFactorId: factor.id, codeHash: hashRecoveryCode(normalizeRecoveryCode(recovery)) })) });
    if (subject.kind === "STAFF") await recordAudit(tx, { staffId: subject.staffId, action: "ENROL_SECOND_FACTOR", targetStaffId: subject.staffId }, now);
    return true;
  });
  return confirmed ? { ok: true, recoveryCodes } : { ok: false };
}

function newRecoveryCode(): string {
  const characters = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[crypto.randomInt(RECOVERY_ALPHABET.length)]);
  return `${characters.slice(0, 5).join("")}-${characters.slice(5).join("")}`;
}

/** As typed: any case, with or without the dash and spaces. */
export function normalizeRecoveryCode(typed: string): string {
  return typed.replace(/[\s\-‐-―]/g, "").toUpperCase();
}
