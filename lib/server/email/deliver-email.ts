import "server-only";
import type { EmailSender } from "@/lib/adapters/email/email-sender";
import type { Db } from "@/lib/server/db/prisma";
import { getMetrics } from "@/lib/server/observability/metrics";
import { tryDelivery, type DeliveryOutcome } from "@/lib/server/outbox/try-delivery";

/**
 * One try of one outbox email, as `deliverSms` does for a text message: the
 * message's id goes with it (its Message-ID), the outcome is recorded as
 * `tryDelivery` says and counted in `portal_email_messages_total`.
 * docs/decisions/018.
 */
export async function deliverEmail({
  db,
  sender,
  messageId,
  finalAttempt,
  retryDelaySeconds,
  now = () => new Date(),
}: {
  db: Db;
  sender: EmailSender;
  messageId: string;
  finalAttempt: boolean;
  retryDelaySeconds: number;
  now?: () => Date;
}): Promise<{ outcome: DeliveryOutcome; error?: string }> {
  const message = await db.emailMessage.findUnique({
    where: { id: messageId },
    select: { to: true, subject: true, textBody: true, htmlBody: true, status: true, attempts: true },
  });
  return tryDelivery({
    message,
    send: ({ to, subject, textBody, htmlBody }) => sender.send({ to, subject, text: textBody, html: htmlBody, idempotencyKey: messageId }),
    record: (data) => db.emailMessage.update({ where: { id: messageId }, data, select: { id: true } }),
    finalAttempt,
    retryDelaySeconds,
    now,
    counter: getMetrics().emailMessages,
  });
}
