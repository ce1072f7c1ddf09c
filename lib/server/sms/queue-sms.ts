import "server-only";
import crypto from "node:crypto";
import { getConfig } from "@/lib/config";
import type { SmsKind } from "@/lib/generated/prisma/enums";
import type { Tx } from "@/lib/server/db/prisma";
import { queueNoticeEmail } from "@/lib/server/email/queue-email";
import { activeJobQueue } from "@/lib/server/jobs/job-queue";

/**
 * Puts a notice in the outbox inside the transaction of the event it tells of:
 * it exists if and only if the event was committed, and no try can start
 * before that commit. On PostgreSQL its delivery job is written in the same
 * transaction; on the embedded database the server's delivery loop finds it.
 * A citizen's notice goes by email too, in the same transaction, when the
 * person has a confirmed address and wants email notices (docs/decisions/017, 018).
 */
export async function queueSms(
  tx: Tx,
  {
    to,
    body,
    kind,
    citizenId = null,
    now = new Date(),
  }: { to: string; body: string; kind: Exclude<SmsKind, "ONE_TIME_CODE">; citizenId?: string | null; now?: Date },
): Promise<{ id: string }> {
  const message = await tx.smsMessage.create({
    data: { to, body, kind, citizenId, provider: getConfig().SMS_PROVIDER, status: "QUEUED", nextAttemptAt: now },
    select: { id: true },
  });
  await activeJobQueue()?.queueSmsDelivery(tx, message.id);
  await queueNoticeEmail(tx, { citizenId, kind, body, smsMessageId: message.id, now });
  return message;
}

/**
 * `queueSms` for a notice that must go once only, however often the job that
 * writes it runs (two servers, a retry, the next hour's pass): a second message
 * with the same `dedupeKey` is not written, and null is returned.
 */
export async function queueSmsOnce(
  tx: Tx,
  {
    to,
    body,
    kind,
    dedupeKey,
    citizenId = null,
    now = new Date(),
  }: { to: string; body: string; kind: Exclude<SmsKind, "ONE_TIME_CODE">; dedupeKey: string; citizenId?: string | null; now?: Date },
): Promise<{ id: string } | null> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "SmsMessage" ("id", "to", "body", "kind", "provider", "status", "citizenId", "createdAt", "nextAttemptAt", "dedupeKey")
    VALUES (${crypto.randomUUID()}::uuid, ${to}, ${body}, ${kind}::"SmsKind", ${getConfig().SMS_PROVIDER}, 'QUEUED'::"SmsStatus", ${citizenId}::uuid, ${now}, ${now}, ${dedupeKey})
    ON CONFLICT ("dedupeKey") DO NOTHING
    RETURNING "id"`;
  const message = rows[0];
  if (!message) return null;
  await activeJobQueue()?.queueSmsDelivery(tx, message.id);
  await queueNoticeEmail(tx, { citizenId, kind, body, smsMessageId: message.id, dedupeKey, now });
  return message;
}
