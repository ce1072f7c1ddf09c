import "server-only";
import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/server/db/prisma";

export type OutboxMessage = { id: string; to: string; body: string; createdAt: Date };

const MAX_LIMIT = 1000;

/** Messages the outbox "sent", newest first, for the page that stands in for a phone. */
export async function listOutbox({ db, limit = 100 }: { db: Db; limit?: number }): Promise<OutboxMessage[]> {
  // Prisma reads a negative `take` as "from the end", which would silently return the oldest messages.
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new AppError("INVALID_INPUT", `limit must be an integer from 1 to ${MAX_LIMIT}`);
  }
  return db.smsMessage.findMany({
    // Queued ones too: the demo's "gateway" takes every message, and the page stands for the phone
    // it arrives on within a second (docs/decisions/017).
    where: { provider: "outbox" },
    // Messages sent in the same millisecond still come back in a stable order.
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, to: true, body: true, createdAt: true },
  });
}
