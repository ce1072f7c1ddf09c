import "server-only";
import type { EmailKind, EmailStatus } from "@/lib/generated/prisma/enums";
import type { Db } from "@/lib/server/db/prisma";

export type OutboxEmail = { id: string; to: string; subject: string; textBody: string; kind: EmailKind; status: EmailStatus; createdAt: Date };

/** Emails the outbox provider "sent", newest first, for the demo's page that stands in for a mailbox. */
export async function listEmailOutbox({ db, limit = 100 }: { db: Db; limit?: number }): Promise<OutboxEmail[]> {
  return db.emailMessage.findMany({
    where: { provider: "outbox" },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(1, Math.trunc(limit)), 1000),
    select: { id: true, to: true, subject: true, textBody: true, kind: true, status: true, createdAt: true },
  });
}
