import "server-only";
import { AppError } from "@/lib/errors";
import type { EmailKind, StaffRole } from "@/lib/generated/prisma/enums";
import type { Db } from "@/lib/server/db/prisma";
import { maskEmail } from "@/lib/utils/email-address";
import { decodeNewestFirstCursor, newestFirstPage, olderThan } from "@/lib/utils/keyset-cursor";
import { canManageUndeliveredEmail, canRetryEmail } from "./manage-undelivered-email-policy";

export type UndeliveredEmail = {
  id: string;
  /** The address as staff may see it (never the whole of it). */
  maskedTo: string;
  kind: EmailKind;
  subject: string;
  /** The text, except of a confirmation link (its token), which staff never see. */
  text: string | null;
  status: "FAILED" | "DEAD";
  attempts: number;
  error: string | null;
  createdAt: Date;
  /** When the next automatic try is due (FAILED only). */
  nextAttemptAt: Date | null;
  canRetry: boolean;
};

/**
 * The administrator's list of emails the mail server has not taken: given up on
 * (DEAD) and still being retried (FAILED), newest first, a page at a time
 * (keyset: `after` is the previous page's `nextCursor`; a cursor that does not
 * parse starts from the newest). docs/decisions/018.
 */
export async function listUndeliveredEmail({
  db,
  actor,
  after,
  pageSize = 50,
}: {
  db: Db;
  actor: { role: StaffRole };
  after?: string;
  pageSize?: number;
}): Promise<{ emails: UndeliveredEmail[]; total: number; nextCursor: string | null }> {
  if (!canManageUndeliveredEmail(actor)) throw new AppError("FORBIDDEN");
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 200) throw new AppError("INVALID_INPUT", "pageSize must be an integer from 1 to 200");
  const cursor = decodeNewestFirstCursor(after);
  const undelivered = { status: { in: ["FAILED" as const, "DEAD" as const] } };
  const [rows, total] = await Promise.all([
    db.emailMessage.findMany({
      where: cursor ? { ...undelivered, ...olderThan(cursor) } : undelivered,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: pageSize + 1,
      select: { id: true, to: true, kind: true, subject: true, textBody: true, status: true, attempts: true, error: true, createdAt: true, nextAttemptAt: true },
    }),
    db.emailMessage.count({ where: undelivered }),
  ]);
  const { page, nextCursor } = newestFirstPage(rows, pageSize);
  return {
    emails: page.map((row) => ({
      id: row.id,
      maskedTo: maskEmail(row.to),
      kind: row.kind,
      subject: row.subject,
      text: row.kind === "EMAIL_VERIFICATION" ? null : row.textBody,
      status: row.status as "FAILED" | "DEAD",
      attempts: row.attempts,
      error: row.error,
      createdAt: row.createdAt,
      nextAttemptAt: row.status === "FAILED" ? row.nextAttemptAt : null,
      canRetry: canRetryEmail(row),
    })),
    total,
    nextCursor,
  };
}
