import "server-only";
import type { Db } from "@/lib/server/db/prisma";
import { recordAudit } from "@/lib/server/review/record-audit";
import { toAsciiDigits } from "@/lib/utils/digits";
import { normalizeRecoveryCode } from "./enrolment";
import { hashRecoveryCode, openSecret } from "./secret-box";
import { factorOwner, type FactorSubject } from "./subject";
import { acceptedTimeStep } from "./totp";

export type SecondFactorCheck = { ok: true; method: "TOTP" | "RECOVERY_CODE" } | { ok: false; reason: "WRONG" | "REUSED" };

/**
 * A six-digit code from the authenticator, or one of the recovery codes. A
 * code is accepted once: the time step is claimed with a conditional update,
 * so two sign-ins racing with the same code cannot both pass.
 */
export async function verifySecondFactor({
  db,
  subject,
  code,
  now = new Date(),
}: {
  db: Db;
  subject: FactorSubject;
  code: string;
  now?: Date;
}): Promise<SecondFactorCheck> {
  const factor = await db.secondFactor.findUnique({
    where: factorOwner(subject),
    select: { id: true, secretEncrypted: true, confirmedAt: true, lastTimeStep: true },
  });
  const secret = factor?.confirmedAt ? openSecret(factor.secretEncrypted) : null;
  if (!factor || !secret) return { ok: false, reason: "WRONG" };
  const typed = toAsciiDigits(code).trim();
  if (/^\d[\d\s]*$/.test(typed)) {
    const token = typed.replace(/\s/g, "");
    const step = await acceptedTimeStep({ secret, token, afterTimeStep: factor.lastTimeStep, now });
    if (step === null) {
      const reused = (await acceptedTimeStep({ secret, token, now })) !== null;
      return { ok: false, reason: reused ? "REUSED" : "WRONG" };
    }
    const claimed = await db.secondFactor.updateMany({
      where: { id: factor.id, OR: [{ lastTimeStep: null }, { lastTimeStep: { lt: step } }] },
      data: { lastTimeStep: step },
    });
    return claimed.count === 1 ? { ok: true, method: "TOTP" } : { ok: false, reason: "REUSED" };
  }
  const used = await db.recoveryCode.updateMany({
    where: { secondFactorId: factor.id, codeHash: hashRecoveryCode(normalizeRecoveryCode(typed)), usedAt: null },
    data: { usedAt: now },
  });
  if (used.count !== 1) return { ok: false, reason: "WRONG" };
  if (subject.kind === "STAFF") await recordAudit(db, { staffId: subject.staffId, action: "USE_RECOVERY_CODE", targetStaffId: subject.staffId }, now);
  return { ok: true, method: "RECOVERY_CODE" };
}
