import "server-only";
import type { EmailSender } from "@/lib/adapters/email/email-sender";
import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/server/db/prisma";
import { retryDelayMs, type DeliveryOutcome } from "@/lib/server/sms/deliver-sms";

/**
 * One try of one outbox email, as `deliverSms` does for a text message: the
 * message's id goes with it (its Message-ID), a failed try is FAILED with the
 * next try due after the backoff, or DEAD when it was the last one; a message
 * already SENT or DEAD is left alone. docs/decisions/018.
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
  if (!message || message.status === "SENT" || message.status === "DEAD") return { outcome: "done-already" };
  const attempts = message.attempts + 1;
  try {
    const { providerMessageId } = await sender.send({
      to: message.to,
      subject: message.subject,
      text: message.textBody,
      html: message.htmlBody,
      idempotencyKey: messageId,
    });
    await db.emailMessage.update({
      where: { id: messageId },
      data: { status: "SENT", attempts, providerMessageId, error: null, sentAt: now(), nextAttemptAt: null },
      select: { id: true },
    });
    return { outcome: "sent" };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const at = now();
    await db.emailMessage.update({
      where: { id: messageId },
      data: finalAttempt
        ? { status: "DEAD", attempts, error: error.message, nextAttemptAt: null }
        : { status: "FAILED", attempts, error: error.message, nextAttemptAt: new Date(at.getTime() + retryDelayMs(attempts, retryDelaySeconds)) },
      select: { id: true },
    });
    return { outcome: finalAttempt ? "dead" : "failed", error: error.message };
  }
}

/** The embedded database's pass over the due emails, oldest first (as `deliverDueSms`). */
export async function deliverDueEmail({
  db,
  sender,
  maxAttempts,
  retryDelaySeconds,
  now = () => new Date(),
  limit = 50,
}: {
  db: Db;
  sender: EmailSender;
  maxAttempts: number;
  retryDelaySeconds: number;
  now?: () => Date;
  limit?: number;
}): Promise<number> {
  const due = await db.emailMessage.findMany({
    where: { status: { in: ["QUEUED", "FAILED"] }, nextAttemptAt: { lte: now() } },
    orderBy: [{ nextAttemptAt: "asc" }, { id: "asc" }],
    take: limit,
    select: { id: true, attempts: true },
  });
  for (const message of due) {
    await deliverEmail({ db, sender, messageId: message.id, finalAttempt: message.attempts + 1 >= maxAttempts, retryDelaySeconds, now });
  }
  return due.length;
}
