import "server-only";
import type { Db } from "@/lib/server/db/prisma";

/** The person's choice to receive notices by email (their SMS notices go on either way). */
export async function setEmailNotices({ db, citizenId, enabled }: { db: Db; citizenId: string; enabled: boolean }): Promise<void> {
  await db.citizenAccount.update({ where: { id: citizenId }, data: { emailNotices: enabled }, select: { id: true } });
}
