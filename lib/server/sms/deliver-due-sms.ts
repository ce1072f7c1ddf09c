import "server-only";
import type { SmsSender } from "@/lib/adapters/sms/sms-sender";
import type { Db } from "@/lib/server/db/prisma";
import { deliverSms } from "./deliver-sms";

/**
 * The embedded database's delivery (no job queue runs there, docs/decisions/017):
 * one pass over the queued and failed messages whose next try is due, oldest
 * first. Only one server process can open an embedded database, so nothing else
 * delivers the same message at the same time.
 */
export async function deliverDueSms({
  db,
  sender,
  maxAttempts,
  retryDelaySeconds,
  now = () => new Date(),
  limit = 50,
}: {
  db: Db;
  sender: SmsSender;
  maxAttempts: number;
  retryDelaySeconds: number;
  now?: () => Date;
  limit?: number;
}): Promise<number> {
  const due = await db.smsMessage.findMany({
    where: { status: { in: ["QUEUED", "FAILED"] }, nextAttemptAt: { lte: now() } },
    orderBy: [{ nextAttemptAt: "asc" }, { id: "asc" }],
    take: limit,
    select: { id: true, attempts: true },
  });
  for (const message of due) {
    await deliverSms({ db, sender, messageId: message.id, finalAttempt: message.attempts + 1 >= maxAttempts, retryDelaySeconds, now });
  }
  return due.length;
}
