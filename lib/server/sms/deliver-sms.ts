import "server-only";
import type { SmsSender } from "@/lib/adapters/sms/sms-sender";
import type { Db } from "@/lib/server/db/prisma";
import { getMetrics } from "@/lib/server/observability/metrics";
import { tryDelivery, type DeliveryOutcome } from "@/lib/server/outbox/try-delivery";

/**
 * One try of one outbox text message, handed to the gateway with its id as the
 * idempotency key; the outcome is recorded as `tryDelivery` says (FAILED with
 * a backoff, DEAD after the last try, nothing for a message already SENT or DEAD)
 * and counted in `portal_sms_messages_total`.
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
  return tryDelivery({
    message,
    send: ({ to, body }) => sender.send({ to, body, idempotencyKey: messageId }),
    record: (data) => db.smsMessage.update({ where: { id: messageId }, data, select: { id: true } }),
    finalAttempt,
    retryDelaySeconds,
    now,
    counter: getMetrics().smsMessages,
  });
}
