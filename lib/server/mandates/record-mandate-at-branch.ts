import "server-only";
import { mandateEndsAt, type MandateMonths, type MandateScope } from "@/lib/domain/mandates";
import type { Db } from "@/lib/server/db/prisma";
import { recordAudit } from "@/lib/server/review/record-audit";
import { queueSms } from "@/lib/server/sms/queue-sms";
import { findLiveMandate, lockMandatePair } from "./lock-pair";
import { mandateGrantedSms } from "./mandate-sms";

export type RecordMandateResult =
  | { ok: true; helperName: string; principalName: string }
  | { ok: false; reason: "SAME_PERSON" | "ALREADY_ACTIVE" }
  | { ok: false; reason: "NO_ACCOUNT"; who: "helper" | "principal" };

/**
 * At a branch, an officer or head records a mandate after seeing both people and
 * their identity documents (the principal consents in person, not by code). Both
 * need a portal account. The mandate is granted at once; its events name the
 * staff member, the audit log has the act (the principal as subject), and the
 * principal is told by SMS, all in one transaction.
 */
export async function recordMandateAtBranch({
  db,
  staffId,
  helperNationalId,
  principalNationalId,
  scopes,
  months,
  now = new Date(),
}: {
  db: Db;
  staffId: string;
  helperNationalId: string;
  principalNationalId: string;
  scopes: MandateScope[];
  months: MandateMonths;
  now?: Date;
}): Promise<RecordMandateResult> {
  if (helperNationalId === principalNationalId) return { ok: false, reason: "SAME_PERSON" };
  const select = { id: true, mobile: true, firstName: true, lastName: true } as const;
  const [helper, principal] = await Promise.all([
    db.citizenAccount.findUnique({ where: { nationalId: helperNationalId }, select }),
    db.citizenAccount.findUnique({ where: { nationalId: principalNationalId }, select }),
  ]);
  if (!helper) return { ok: false, reason: "NO_ACCOUNT", who: "helper" };
  if (!principal) return { ok: false, reason: "NO_ACCOUNT", who: "principal" };
  const helperName = `${helper.firstName} ${helper.lastName}`;
  const endsAt = mandateEndsAt(now, months);
  try {
    await db.$transaction(async (tx) => {
      await lockMandatePair(tx, helper.id, principal.id);
      if (await findLiveMandate(tx, helper.id, principal.id, now)) throw new AlreadyActive();
      const mandate = await tx.mandate.create({
        data: {
          helperId: helper.id,
          principalId: principal.id,
          principalNationalId,
          scopes,
          endsAt,
          createdAt: now,
          grantedAt: now,
          events: {
            create: [
              { type: "REQUESTED", at: now, actorStaffId: staffId },
              { type: "GRANTED", at: new Date(now.getTime() + 1), actorStaffId: staffId },
            ],
          },
        },
        select: { id: true },
      });
      await recordAudit(tx, { staffId, action: "RECORD_MANDATE", subjectNationalId: principalNationalId, detail: `نماینده: ${helperName}; mandate ${mandate.id}` }, now);
      await queueSms(tx, { to: principal.mobile, kind: "MANDATE", citizenId: principal.id, body: mandateGrantedSms(helperName, scopes, endsAt), now });
    });
  } catch (error) {
    if (error instanceof AlreadyActive) return { ok: false, reason: "ALREADY_ACTIVE" };
    throw error;
  }
  return { ok: true, helperName, principalName: `${principal.firstName} ${principal.lastName}` };
}

class AlreadyActive extends Error {}
