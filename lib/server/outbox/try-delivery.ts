import "server-only";
import type { Counter } from "prom-client";
import { AppError } from "@/lib/errors";

/**
 * What the text-message and email outboxes share (docs/decisions/017 and 018):
 * how one try of one message is recorded, how long the next one waits, and
 * which messages the embedded database's delivery pass takes. Each channel
 * reads its own row and hands it to its own sender; everything after that is here.
 */

export type DeliveryOutcome = "sent" | "failed" | "dead" | "done-already";

/**
 * The wait before the next try of a message that has failed `attempts` times:
 * the first delay, doubled after each failure (1, 2, 4, ... times), capped at a day.
 */
export function retryDelayMs(attempts: number, firstDelaySeconds: number): number {
  return Math.min(firstDelaySeconds * 1000 * 2 ** Math.max(0, attempts - 1), 24 * 60 * 60 * 1000);
}

/** What a try writes to the message's row; the status names are the same in both outboxes. */
export type TryRecord =
  | { status: "SENT"; attempts: number; providerMessageId: string | null; error: null; sentAt: Date; nextAttemptAt: null }
  | { status: "FAILED" | "DEAD"; attempts: number; error: string; nextAttemptAt: Date | null };

/**
 * One try of one outbox message: `send` hands it to the provider (with the
 * message's id as its idempotency key), `record` writes the outcome to its row.
 * A failed try (an AppError from the sender) is FAILED with the next try due
 * after the backoff, or DEAD when it was the last one; any other error is a
 * bug and is thrown. A message gone, SENT or DEAD is left alone: a second job
 * for the same message does nothing. Every try is counted under its outcome.
 */
export async function tryDelivery<M extends { status: string; attempts: number }>({
  message,
  send,
  record,
  finalAttempt,
  retryDelaySeconds,
  now,
  counter,
}: {
  /** The message's row, or null when it is gone. */
  message: M | null;
  send: (message: M) => Promise<{ providerMessageId: string | null }>;
  record: (data: TryRecord) => Promise<unknown>;
  /** No try comes after this one: a failure makes the message DEAD. */
  finalAttempt: boolean;
  retryDelaySeconds: number;
  now: () => Date;
  counter: Counter<"outcome">;
}): Promise<{ outcome: DeliveryOutcome; error?: string }> {
  if (!message || message.status === "SENT" || message.status === "DEAD") return { outcome: "done-already" };
  const attempts = message.attempts + 1;
  try {
    const { providerMessageId } = await send(message);
    await record({ status: "SENT", attempts, providerMessageId, error: null, sentAt: now(), nextAttemptAt: null });
    counter.inc({ outcome: "sent" });
    return { outcome: "sent" };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const outcome = finalAttempt ? "dead" : "failed";
    await record(
      finalAttempt
        ? { status: "DEAD", attempts, error: error.message, nextAttemptAt: null }
        : { status: "FAILED", attempts, error: error.message, nextAttemptAt: new Date(now().getTime() + retryDelayMs(attempts, retryDelaySeconds)) },
    );
    counter.inc({ outcome });
    return { outcome, error: error.message };
  }
}

/**
 * The embedded database's delivery (no job queue runs there, docs/decisions/017):
 * the queued and failed messages whose next try is due, oldest first, as the
 * arguments of either outbox's `findMany`. Only one server process can open an
 * embedded database, so nothing else delivers the same message at the same time.
 */
export function dueMessages(now: Date, limit: number) {
  return {
    where: { status: { in: ["QUEUED" as const, "FAILED" as const] }, nextAttemptAt: { lte: now } },
    orderBy: [{ nextAttemptAt: "asc" as const }, { id: "asc" as const }],
    take: limit,
    select: { id: true as const, attempts: true as const },
  };
}
