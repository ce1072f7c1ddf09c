import "server-only";
import type { SmsSender } from "@/lib/adapters/sms/sms-sender";
import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/server/db/prisma";
import { getMetrics } from "@/lib/server/observability/metrics";

export type DeliveryOutcome = "sent" | "failed" | "dead" | "done-already";

/**
 * The wait before the next try of a message that has failed `attempts` times:
 * the first delay, doubled after each failure (1, 2, 4, ... times), capped at a day.
 */
export function retryDelayMs(attempts: number, firstDelaySeconds: number): number {
  return Math.min(firstDelaySeconds * 1000 * 2 ** Math.max(0, attempts - 1), 24 * 60 * 60 * 1000);
}

/**
 * One try of one outbox message: hand it to the gateway with its id as the
 * idempotency key and record the outcome. A failed try is FAILED with the next
 * try due after the backoff, or DEAD when it was the last one. A message
 * already SENT or DEAD is left alone (a second job for the same message does
 * nothing).
 */
export async function deliverSms({
  db,
  sender,
  messageId,
  finalAttempt,
  retryDelaySeconds,
  now = () => new Date(),
}: {
  db: Db;
  sender: SmsSender;
  messageId: string;
  /** No try comes after this one: a failure makes the message DEAD. */
  finalAttempt: boolean;
  retryDelaySeconds: number;
  now?: () => Date;
}): Promise<{ outcome: DeliveryOutcome; error?: string }> {
  const message = await db.smsMessage.findUnique({ where: { id: messageId }, select: { to: true, body: true, status: true, attempts: true } });
  if (!message || message.status === "SENT" || message.status === "DEAD") return { outcome: "done-already" };
  const attempts = message.attempts + 1;
  const counter = getMetrics().smsMessages;
  try {
    const { providerMessageId } = await sender.send({ to: message.to, body: message.body, idempotencyKey: messageId });
    await db.smsMessage.update({
      where: { id: messageId },
      data: { status: "SENT", attempts, providerMessageId, error: null, sentAt: now(), nextAttemptAt: null },
      select: { id: true },
    });
    counter.inc({ outcome: "sent" });
    return { outcome: "sent" };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const at = now();
    await db.smsMessage.update({
      where: { id: messageId },
      data: finalAttempt
        ? { status: "DEAD", attempts, error: error.message, nextAttemptAt: null }
        : { status: "FAILED", attempts, error: error.message, nextAttemptAt: new Date(at.getTime() + retryDelayMs(attempts, retryDelaySeconds)) },
      select: { id: true },
    });
    counter.inc({ outcome: finalAttempt ? "dead" : "failed" });
    return { outcome: finalAttempt ? "dead" : "failed", error: error.message };
  }
}
