import "server-only";
import { AppError } from "@/lib/errors";
import type { SmsKind, StaffRole } from "@/lib/generated/prisma/enums";
import type { Db } from "@/lib/server/db/prisma";
import { decodeNewestFirstCursor, newestFirstPage, olderThan } from "@/lib/utils/keyset-cursor";
import { maskMobile } from "@/lib/utils/mobile";
import { canManageUndeliveredSms, canRetrySms } from "./manage-undelivered-sms-policy";

export type UndeliveredSms = {
  id: string;
  /** The recipient as staff may see it (never the full number). */
  maskedTo: string;
  kind: SmsKind | null;
  /** The text, except of a one-time code (or a message whose kind was not recorded), which staff never see. */
  body: string | null;
  status: "FAILED" | "DEAD";
  attempts: number;
  error: string | null;
  createdAt: Date;
  /** When the next automatic try is due (FAILED only). */
  nextAttemptAt: Date | null;
  canRetry: boolean;
};

export type UndeliveredSmsPage = { messages: UndeliveredSms[]; total: number; nextCursor: string | null };

/**
 * The administrator's list of messages the gateway has not taken: given up on
 * (DEAD) and still being retried (FAILED), newest first, a page at a time
 * (keyset: `after` is the previous page's `nextCursor`; a cursor that does not
 * parse starts from the newest). docs/decisions/017.
 */
export async function listUndeliveredSms({
  db,
  actor,
  after,
  pageSize = 50,
}: {
  db: Db;
  actor: { role: StaffRole };
  after?: string;
  pageSize?: number;
}): Promise<UndeliveredSmsPage> {
  if (!canManageUndeliveredSms(actor)) throw new AppError("FORBIDDEN");
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 200) throw new AppError("INVALID_INPUT", "pageSize must be an integer from 1 to 200");
  const cursor = decodeNewestFirstCursor(after);
  const undelivered = { status: { in: ["FAILED" as const, "DEAD" as const] } };
  const [rows, total] = await Promise.all([
    db.smsMessage.findMany({
      where: cursor ? { ...undelivered, ...olderThan(cursor) } : undelivered,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: pageSize + 1,
      select: { id: true, to: true, kind: true, body: true, status: true, attempts: true, error: true, createdAt: true, nextAttemptAt: true },
    }),
    db.smsMessage.count({ where: undelivered }),
  ]);
  const { page, nextCursor } = newestFirstPage(rows, pageSize);
  return {
    messages: page.map((row) => ({
      id: row.id,
      maskedTo: maskMobile(row.to),
      kind: row.kind,
      body: row.kind === null || row.kind === "ONE_TIME_CODE" ? null : row.body,
      status: row.status as "FAILED" | "DEAD",
      attempts: row.attempts,
      error: row.error,
      createdAt: row.createdAt,
      nextAttemptAt: row.status === "FAILED" ? row.nextAttemptAt : null,
      canRetry: canRetrySms(row),
    })),
    total,
    nextCursor,
  };
}
