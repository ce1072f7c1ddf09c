import "server-only";
import type { Db } from "@/lib/server/db/prisma";

export type MyMessage = { id: string; body: string; createdAt: Date };

/** «پیام‌ها»: the text messages sent about this account, newest first. */
export async function listMyMessages({ db, citizenId, limit = 100 }: { db: Db; citizenId: string; limit?: number }): Promise<MyMessage[]> {
  return db.smsMessage.findMany({
    where: { citizenId, status: "SENT" },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, body: true, createdAt: true },
  });
}
