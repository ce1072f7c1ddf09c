import "server-only";
import type { MandateUseKind } from "@/lib/generated/prisma/enums";
import type { Db, Tx } from "@/lib/server/db/prisma";

/**
 * A helper opened or acted on the principal's file: kept for the principal's
 * «چه کسانی پرونده من را دیده‌اند» and the weekly summary. Nothing for a person's own file.
 */
export async function recordMandateUse(
  db: Db | Tx,
  helper: { mandateId: string } | null,
  kind: MandateUseKind,
  requestId: string | null = null,
): Promise<void> {
  if (!helper) return;
  await db.mandateUse.create({ data: { mandateId: helper.mandateId, kind, requestId }, select: { id: true } });
}
