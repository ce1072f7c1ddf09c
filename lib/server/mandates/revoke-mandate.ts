import "server-only";
import type { Db } from "@/lib/server/db/prisma";
import { queueSms } from "@/lib/server/sms/queue-sms";
import { mandateRevokedSms } from "./mandate-sms";

/**
 * Either side ends a mandate (or withdraws a request not yet consented to). From
 * the commit on, every page and action of the helper refuses the principal's
 * file (the session resolves the mandate on each request). The principal is told
 * by SMS when a granted mandate ends. Returns false when there was nothing to end.
 */
export async function revokeMandate({ db, citizenId, mandateId, now = new Date() }: { db: Db; citizenId: string; mandateId: string; now?: Date }): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const mandate = await tx.mandate.findFirst({
      where: { id: mandateId, revokedAt: null, OR: [{ helperId: citizenId }, { principalId: citizenId }] },
      select: { grantedAt: true, principalId: true, endsAt: true, helper: { select: { firstName: true, lastName: true } }, principal: { select: { mobile: true } } },
    });
    if (!mandate) return false;
    const ended = await tx.mandate.updateMany({ where: { id: mandateId, revokedAt: null }, data: { revokedAt: now } });
    if (ended.count === 0) return false;
    await tx.mandateEvent.create({ data: { mandateId, type: "REVOKED", at: now, actorCitizenId: citizenId } });
    if (mandate.grantedAt && mandate.principal && mandate.endsAt.getTime() > now.getTime()) {
      await queueSms(tx, {
        to: mandate.principal.mobile,
        kind: "MANDATE",
        citizenId: mandate.principalId,
        body: mandateRevokedSms(`${mandate.helper.firstName} ${mandate.helper.lastName}`),
        now,
      });
    }
    return true;
  });
}
