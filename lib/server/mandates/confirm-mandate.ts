import "server-only";
import { mandateState, type MandateScope } from "@/lib/domain/mandates";
import type { Db } from "@/lib/server/db/prisma";
import { verifyOneTimeCode } from "@/lib/server/otp/verify-one-time-code";
import { queueSms } from "@/lib/server/sms/queue-sms";
import { findLiveMandate, lockMandatePair } from "./lock-pair";
import { mandateGrantedSms } from "./mandate-sms";

export type ConfirmMandateResult =
  | { ok: true }
  | { ok: false; reason: "NOT_PENDING" | "WRONG_CODE" | "EXPIRED" | "TOO_MANY_ATTEMPTS" | "ALREADY_ACTIVE"; attemptsLeft?: number };

/**
 * The helper types the code the principal received: the mandate is granted
 * (a GRANTED event, the principal being its author), and the principal is told
 * by SMS in the same transaction.
 */
export async function confirmMandate({
  db,
  helperId,
  mandateId,
  code,
  now = new Date(),
}: {
  db: Db;
  helperId: string;
  mandateId: string;
  code: string;
  now?: Date;
}): Promise<ConfirmMandateResult> {
  const mandate = await db.mandate.findFirst({
    where: { id: mandateId, helperId },
    select: { principalId: true, grantedAt: true, revokedAt: true, endsAt: true, scopes: true, helper: { select: { firstName: true, lastName: true } } },
  });
  if (!mandate || mandateState(mandate, now) !== "PENDING") return { ok: false, reason: "NOT_PENDING" };
  const verified = await verifyOneTimeCode({ db, purpose: "MANDATE_CONSENT", subjectId: mandateId, code, now });
  if (!verified.ok) {
    if (verified.reason === "WRONG_CODE") return { ok: false, reason: "WRONG_CODE", attemptsLeft: verified.attemptsLeft };
    // No code was ever sent (no account has that national ID) reads as a wrong code.
    return { ok: false, reason: verified.reason === "NO_CODE" ? "WRONG_CODE" : verified.reason };
  }
  const principalId = mandate.principalId!;
  try {
    await db.$transaction(async (tx) => {
      await lockMandatePair(tx, helperId, principalId);
      if (await findLiveMandate(tx, helperId, principalId, now)) throw new AlreadyActive();
      const granted = await tx.mandate.updateMany({ where: { id: mandateId, grantedAt: null, revokedAt: null }, data: { grantedAt: now } });
      if (granted.count === 0) throw new Error("mandate changed while it was confirmed");
      await tx.mandateEvent.create({ data: { mandateId, type: "GRANTED", at: now, actorCitizenId: principalId } });
      const principal = await tx.citizenAccount.findUniqueOrThrow({ where: { id: principalId }, select: { mobile: true } });
      const helperName = `${mandate.helper.firstName} ${mandate.helper.lastName}`;
      await queueSms(tx, { to: principal.mobile, kind: "MANDATE", citizenId: principalId, body: mandateGrantedSms(helperName, mandate.scopes as MandateScope[], mandate.endsAt), now });
    });
  } catch (error) {
    if (error instanceof AlreadyActive) return { ok: false, reason: "ALREADY_ACTIVE" };
    throw error;
  }
  return { ok: true };
}

class AlreadyActive extends Error {}
