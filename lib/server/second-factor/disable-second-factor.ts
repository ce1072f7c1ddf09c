import "server-only";
import type { Db } from "@/lib/server/db/prisma";
import { verifySecondFactor } from "./verify-second-factor";

/**
 * A citizen turns the second factor off, proving they still hold it (a code
 * from the app, or a recovery code): a stolen session alone cannot.
 */
export async function disableCitizenSecondFactor({ db, citizenId, code, now = new Date() }: { db: Db; citizenId: string; code: string; now?: Date }): Promise<{ ok: boolean }> {
  const check = await verifySecondFactor({ db, subject: { kind: "CITIZEN", citizenId }, code, now });
  if (!check.ok) return { ok: false };
  await db.secondFactor.deleteMany({ where: { citizenId } });
  return { ok: true };
}
