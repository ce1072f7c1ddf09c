import "server-only";
import { mandateState, type MandateScope, type MandateState } from "@/lib/domain/mandates";
import type { Db } from "@/lib/server/db/prisma";

export type MandateRow = {
  id: string;
  /** The other side: the principal for mandates I hold, the helper for mandates I gave. */
  otherName: string;
  otherNationalId: string;
  scopes: MandateScope[];
  endsAt: Date;
  createdAt: Date;
  state: MandateState;
};

const LIMIT = 50;

/** A citizen's mandates on both sides, newest first: those they hold (helper) and those they gave (principal). */
export async function listMandates({ db, citizenId, now = new Date() }: { db: Db; citizenId: string; now?: Date }) {
  const select = {
    id: true,
    scopes: true,
    endsAt: true,
    createdAt: true,
    grantedAt: true,
    revokedAt: true,
    principalNationalId: true,
    principal: { select: { firstName: true, lastName: true } },
    helper: { select: { firstName: true, lastName: true, nationalId: true } },
  } as const;
  const [held, given] = await Promise.all([
    db.mandate.findMany({ where: { helperId: citizenId }, orderBy: { createdAt: "desc" }, take: LIMIT, select }),
    db.mandate.findMany({ where: { principalId: citizenId, grantedAt: { not: null } }, orderBy: { createdAt: "desc" }, take: LIMIT, select }),
  ]);
  const row = (mandate: (typeof held)[number], other: { name: string; nationalId: string }): MandateRow => ({
    id: mandate.id,
    otherName: other.name,
    otherNationalId: other.nationalId,
    scopes: mandate.scopes as MandateScope[],
    endsAt: mandate.endsAt,
    createdAt: mandate.createdAt,
    state: mandateState(mandate, now),
  });
  return {
    // A pending request names only the national ID typed (its account, if any, is not revealed).
    held: held.map((m) =>
      row(m, {
        name: m.grantedAt && m.principal ? `${m.principal.firstName} ${m.principal.lastName}` : "",
        nationalId: m.principalNationalId,
      }),
    ),
    given: given.map((m) => row(m, { name: `${m.helper.firstName} ${m.helper.lastName}`, nationalId: m.helper.nationalId })),
  };
}
