import "server-only";
import { mandateState, type MandateScope, type MandateState } from "@/lib/domain/mandates";
import type { Db } from "@/lib/server/db/prisma";

export type MandateBehindEvent = { helperName: string; helperNationalId: string; scopes: MandateScope[]; endsAt: Date; state: MandateState };

/** The mandates under which helpers acted in a request's history, by id, for its pages (one query; none when no helper acted). */
export async function mandatesBehindEvents(
  db: Db,
  events: readonly { mandateId: string | null }[],
  now: Date = new Date(),
): Promise<Map<string, MandateBehindEvent>> {
  const ids = [...new Set(events.flatMap((event) => (event.mandateId ? [event.mandateId] : [])))];
  if (ids.length === 0) return new Map();
  const mandates = await db.mandate.findMany({
    where: { id: { in: ids } },
    select: { id: true, scopes: true, endsAt: true, grantedAt: true, revokedAt: true, helper: { select: { firstName: true, lastName: true, nationalId: true } } },
  });
  return new Map(
    mandates.map((m) => [
      m.id,
      {
        helperName: `${m.helper.firstName} ${m.helper.lastName}`,
        helperNationalId: m.helper.nationalId,
        scopes: m.scopes as MandateScope[],
        endsAt: m.endsAt,
        state: mandateState(m, now),
      },
    ]),
  );
}
