import "server-only";
import type { MandateUseKind } from "@/lib/generated/prisma/enums";
import type { Db } from "@/lib/server/db/prisma";

export type MandateUseRow = { id: string; at: Date; kind: MandateUseKind; helperName: string; trackingCode: string | null };

/** What helpers did with a principal's file, newest first (the latest `limit`), for «چه کسانی پرونده من را دیده‌اند». */
export async function listMandateUses({ db, principalId, limit = 30 }: { db: Db; principalId: string; limit?: number }): Promise<MandateUseRow[]> {
  const uses = await db.mandateUse.findMany({
    where: { mandate: { principalId } },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, at: true, kind: true, requestId: true, mandate: { select: { helper: { select: { firstName: true, lastName: true } } } } },
  });
  const requestIds = [...new Set(uses.flatMap((use) => (use.requestId ? [use.requestId] : [])))];
  const requests = requestIds.length
    ? await db.request.findMany({ where: { id: { in: requestIds }, citizenId: principalId }, select: { id: true, trackingCode: true } })
    : [];
  const codes = new Map(requests.map((r) => [r.id, r.trackingCode]));
  return uses.map((use) => ({
    id: use.id,
    at: use.at,
    kind: use.kind,
    helperName: `${use.mandate.helper.firstName} ${use.mandate.helper.lastName}`,
    trackingCode: use.requestId ? (codes.get(use.requestId) ?? null) : null,
  }));
}
