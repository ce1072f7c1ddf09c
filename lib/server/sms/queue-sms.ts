import "server-only";
import crypto from "node:crypto";
import { getConfig } from "@/lib/config";
import type { SmsKind } from "@/lib/generated/prisma/enums";
import type { Tx } from "@/lib/server/db/prisma";
import { noticeAddressOf, queueNoticeEmail } from "@/lib/server/email/queue-email";
import { activeJobQueue } from "@/lib/server/jobs/job-queue";

type Notice = { to: string; body: string; kind: Exclude<SmsKind, "ONE_TIME_CODE">; citizenId?: string | null; now?: Date };

/**
 * Puts a notice in the outbox inside the transaction of the event it tells of:
 * it exists if and only if the event was committed, and no try can start
 * before that commit. On PostgreSQL its delivery job is written in the same
 * transaction; on the embedded database the server's delivery loop finds it.
 * A citizen's notice goes by email too, in the same transaction, when the
 * person has a confirmed address and wants email notices (docs/decisions/017, 018).
 */
export async function queueSms(tx: Tx, notice: Notice): Promise<{ id: string }> {
  // No dedupe key: nothing to conflict with, so the message is always written.
  // Its row says when it was written; `now` is when it is first due.
  return (await queueNotice(tx, notice, { dedupeKey: null, createdAt: new Date() }))!;
}

/**
 * `queueSms` for a notice that must go once only, however often the job that
 * writes it runs (two servers, a retry, the next hour's pass): a second message
 * with the same `dedupeKey` is not written, and null is returned.
 */
export async function queueSmsOnce(tx: Tx, { dedupeKey, ...notice }: Notice & { dedupeKey: string }): Promise<{ id: string } | null> {
  return queueNotice(tx, notice, { dedupeKey, createdAt: notice.now ?? new Date() });
}

async function queueNotice(
  tx: Tx,
  { to, body, kind, citizenId = null, now = new Date() }: Notice,
  { dedupeKey, createdAt }: { dedupeKey: string | null; createdAt: Date },
): Promise<{ id: string } | null> {
  // One statement writes the SMS and reads where its email copy goes: a filing's
  // transaction is the busiest write, and each query-API call there is compiled
  // anew (docs/decisions/021).
  const rows = await tx.$queryRaw<{ id: string; noticeEmail: string | null }[]>`
    WITH "message" AS (
      INSERT INTO "SmsMessage" ("id", "to", "body", "kind", "provider", "status", "citizenId", "createdAt", "nextAttemptAt", "dedupeKey")
      VALUES (${crypto.randomUUID()}::uuid, ${to}, ${body}, ${kind}::"SmsKind", ${getConfig().SMS_PROVIDER}, 'QUEUED'::"SmsStatus", ${citizenId}::uuid, ${createdAt}, ${now}, ${dedupeKey})
      ON CONFLICT ("dedupeKey") DO NOTHING
      RETURNING "id")
    SELECT "id", ${noticeAddressOf(citizenId)} AS "noticeEmail" FROM "message"`;
  const message = rows[0];
  if (!message) return null;
  await activeJobQueue()?.queueSmsDelivery(tx, message.id);
  await queueNoticeEmail(tx, { to: message.noticeEmail, citizenId, kind, body, smsMessageId: message.id, dedupeKey, now });
  return { id: message.id };
}
