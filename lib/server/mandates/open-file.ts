import "server-only";
import type { Db } from "@/lib/server/db/prisma";

/**
 * The helper chooses whose file is open in this session: their own (null) or a
 * principal's under a live mandate they hold. Returns false when the mandate is
 * not theirs or not live.
 */
export async function openFile({
  db,
  sessionId,
  helperId,
  mandateId,
  now = new Date(),
}: {
  db: Db;
  sessionId: string;
  helperId: string;
  mandateId: string | null;
  now?: Date;
}): Promise<boolean> {
  if (mandateId) {
    const live = await db.mandate.findFirst({
      where: { id: mandateId, helperId, grantedAt: { not: null }, revokedAt: null, endsAt: { gt: now } },
      select: { id: true },
    });
    if (!live) return false;
  }
  const updated = await db.authSession.updateMany({ where: { id: sessionId, citizenId: helperId }, data: { actingMandateId: mandateId } });
  return updated.count === 1;
}

/** The live mandates a helper may open, for the switcher. */
export async function listOpenableFiles({ db, helperId, now = new Date() }: { db: Db; helperId: string; now?: Date }) {
  const mandates = await db.mandate.findMany({
    where: { helperId, grantedAt: { not: null }, revokedAt: null, endsAt: { gt: now } },
    orderBy: { createdAt: "desc" },
    select: { id: true, endsAt: true, principal: { select: { firstName: true, lastName: true, nationalId: true } } },
  });
  return mandates.flatMap((m) => (m.principal ? [{ mandateId: m.id, name: `${m.principal.firstName} ${m.principal.lastName}`, nationalId: m.principal.nationalId, endsAt: m.endsAt }] : []));
}
