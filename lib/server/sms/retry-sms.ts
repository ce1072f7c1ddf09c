import "server-only";
import { AppError } from "@/lib/errors";
import type { StaffRole } from "@/lib/generated/prisma/enums";
import type { Db } from "@/lib/server/db/prisma";
import { activeJobQueue } from "@/lib/server/jobs/job-queue";
import { recordAudit } from "@/lib/server/review/record-audit";
import { canManageUndeliveredSms, canRetrySms } from "./manage-undelivered-sms-policy";

/**
 * «ارسال دوباره»: the administrator puts a message the gateway never took
 * (DEAD) back in the outbox for a new round of tries: QUEUED, due now,
 * `attempts` back to 0 so it gets the full SMS_MAX_ATTEMPTS tries with the
 * same backoff on both engines (the earlier round's count and last error go
 * into the audit entry). On PostgreSQL its delivery job is written in the same
 * transaction as the change and the audit entry; on the embedded database the
 * server's loop finds it. A message that is not DEAD (someone else retried it
 * first, or it is still being retried) is CONFLICT; a one-time code is never
 * sent again (INVALID_INPUT). docs/decisions/017.
 */
export async function retrySms({
  db,
  actor,
  messageId,
  now = new Date(),
}: {
  db: Db;
  actor: { accountId: string; role: StaffRole };
  messageId: string;
  now?: Date;
}): Promise<void> {
  if (!canManageUndeliveredSms(actor)) throw new AppError("FORBIDDEN");
  await db.$transaction(async (tx) => {
    const message = await tx.smsMessage.findUnique({
      where: { id: messageId },
      select: { status: true, kind: true, attempts: true, error: true, citizenId: true },
    });
    if (!message) throw new AppError("NOT_FOUND");
    if (message.kind === "ONE_TIME_CODE") throw new AppError("INVALID_INPUT", "a one-time code is never sent again");
    if (!canRetrySms(message)) throw new AppError("CONFLICT", `the message is ${message.status}, not DEAD`);
    // Conditional on DEAD: of two administrators pressing the button at once, one requeues it.
    const requeued = await tx.smsMessage.updateMany({
      where: { id: messageId, status: "DEAD" },
      data: { status: "QUEUED", attempts: 0, error: null, nextAttemptAt: now },
    });
    if (requeued.count !== 1) throw new AppError("CONFLICT", "the message was retried meanwhile");
    await activeJobQueue()?.queueSmsDelivery(tx, messageId);
    const citizen = message.citizenId
      ? await tx.citizenAccount.findUnique({ where: { id: message.citizenId }, select: { nationalId: true } })
      : null;
    await recordAudit(
      tx,
      {
        staffId: actor.accountId,
        action: "RETRY_SMS",
        subjectNationalId: citizen?.nationalId ?? null,
        detail: `${messageId} ${message.kind ?? "UNKNOWN_KIND"} after ${message.attempts} tries: ${message.error ?? "no error recorded"}`,
      },
      now,
    );
  });
}
