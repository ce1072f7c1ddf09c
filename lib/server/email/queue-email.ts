import "server-only";
import crypto from "node:crypto";
import { getConfig } from "@/lib/config";
import { Prisma } from "@/lib/generated/prisma/client";
import type { EmailKind, SmsKind } from "@/lib/generated/prisma/enums";
import type { Tx } from "@/lib/server/db/prisma";
import { activeJobQueue } from "@/lib/server/jobs/job-queue";
import { renderNoticeEmail, type RenderedEmail } from "./render-email";

/** The notices that also go by email; a one-time code and a staff notice never do. */
const EMAIL_NOTICE_KINDS = new Set<SmsKind>(["REQUEST_RECEIVED", "REQUEST_UPDATE", "REGISTRATION_RESULT", "PASSWORD_CHANGED", "DEADLINE_REMINDER", "MANDATE", "BRANCH_VISIT"]);

/**
 * Puts an email in the outbox inside the caller's transaction (docs/decisions/018):
 * it exists if and only if the event committed; on PostgreSQL its delivery job
 * is written in the same transaction, on the embedded database the server's
 * loop finds it. With a `dedupeKey` a second email with the same key is not
 * written (null is returned).
 */
export async function queueEmail(
  tx: Tx,
  {
    to,
    kind,
    email,
    citizenId = null,
    smsMessageId = null,
    dedupeKey = null,
    now = new Date(),
  }: { to: string; kind: EmailKind; email: RenderedEmail; citizenId?: string | null; smsMessageId?: string | null; dedupeKey?: string | null; now?: Date },
): Promise<{ id: string } | null> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "EmailMessage" ("id", "to", "subject", "textBody", "htmlBody", "kind", "provider", "status", "citizenId", "smsMessageId", "createdAt", "nextAttemptAt", "dedupeKey")
    VALUES (${crypto.randomUUID()}::uuid, ${to}, ${email.subject}, ${email.text}, ${email.html}, ${kind}::"EmailKind", ${getConfig().EMAIL_PROVIDER},
      'QUEUED'::"EmailStatus", ${citizenId}::uuid, ${smsMessageId}::uuid, ${now}, ${now}, ${dedupeKey})
    ON CONFLICT ("dedupeKey") DO NOTHING
    RETURNING "id"`;
  const message = rows[0];
  if (!message) return null;
  await activeJobQueue()?.queueEmailDelivery(tx, message.id);
  return message;
}

/**
 * The address a citizen's notices are copied to, as a scalar subquery for the
 * statement that writes the notice's SMS (`queue-sms.ts`), so the copy costs the
 * transaction no statement of its own: a confirmed address of a person who has
 * not turned email notices off, else null.
 */
export const noticeAddressOf = (citizenId: string | null): Prisma.Sql =>
  Prisma.sql`(SELECT "email" FROM "CitizenAccount" WHERE "id" = ${citizenId}::uuid AND "emailVerifiedAt" IS NOT NULL AND "emailNotices")`;

/**
 * The email copy of a citizen's notice, queued beside its SMS in the same
 * transaction: only to the address `noticeAddressOf` read in that transaction,
 * and never for a kind that is not a notice to a citizen.
 */
export async function queueNoticeEmail(
  tx: Tx,
  {
    to,
    citizenId,
    kind,
    body,
    smsMessageId,
    dedupeKey = null,
    now,
  }: { to: string | null; citizenId: string | null; kind: SmsKind; body: string; smsMessageId: string; dedupeKey?: string | null; now: Date },
): Promise<{ id: string } | null> {
  if (!to || !citizenId || !EMAIL_NOTICE_KINDS.has(kind)) return null;
  const noticeKind = kind as Exclude<EmailKind, "EMAIL_VERIFICATION">;
  return queueEmail(tx, { to, kind: noticeKind, email: renderNoticeEmail({ kind: noticeKind, body }), citizenId, smsMessageId, dedupeKey, now });
}
