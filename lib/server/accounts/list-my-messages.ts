import "server-only";
import type { EmailStatus, SmsStatus } from "@/lib/generated/prisma/enums";
import type { Db } from "@/lib/server/db/prisma";

export type MyMessage = {
  id: string;
  body: string;
  createdAt: Date;
  status: SmsStatus;
  sentAt: Date | null;
  /** Its copy by email, when one was queued (docs/decisions/018). */
  email: { to: string; status: EmailStatus; sentAt: Date | null } | null;
};

/**
 * «پیام‌ها»: the text messages about this account, newest first, with where each
 * one is: waiting in the outbox, being retried, sent, or given up on
 * (docs/decisions/017), and where its email copy is, if it has one (018).
 */
export async function listMyMessages({ db, citizenId, limit = 100 }: { db: Db; citizenId: string; limit?: number }): Promise<MyMessage[]> {
  const messages = await db.smsMessage.findMany({
    // Never a one-time code: a helper with a mandate may read this list (docs/decisions/020).
    where: { citizenId, OR: [{ kind: null }, { kind: { not: "ONE_TIME_CODE" } }] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, body: true, createdAt: true, status: true, sentAt: true },
  });
  const emails = await db.emailMessage.findMany({
    where: { citizenId, smsMessageId: { in: messages.map((message) => message.id) } },
    select: { smsMessageId: true, to: true, status: true, sentAt: true },
  });
  const emailOf = new Map(emails.map(({ smsMessageId, ...email }) => [smsMessageId, email]));
  return messages.map((message) => ({ ...message, email: emailOf.get(message.id) ?? null }));
}
