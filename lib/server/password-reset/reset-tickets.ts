import "server-only";
import crypto from "node:crypto";
import type { Db } from "@/lib/server/db/prisma";

/** How long one "forgot password" flow may take, from the first step to the new password. */
export const RESET_TICKET_TTL_MS = 15 * 60_000;

export type ResetTicket = { id: string; nationalId: string; mobile: string; verifiedAccountId: string | null };

const hashToken = (token: string) => crypto.createHash("sha256").update(token).digest("hex");
const newToken = () => crypto.randomBytes(32).toString("base64url");

/** Step 1: a new flow for what was typed; the token goes to the browser only. */
export async function createResetTicket({
  db,
  nationalId,
  mobile,
  now = new Date(),
}: {
  db: Db;
  nationalId: string;
  mobile: string;
  now?: Date;
}): Promise<{ token: string }> {
  const token = newToken();
  await db.passwordResetTicket.create({
    data: { tokenHash: hashToken(token), nationalId, mobile, createdAt: now, expiresAt: new Date(now.getTime() + RESET_TICKET_TTL_MS) },
    select: { id: true },
  });
  return { token };
}

/** The live (unexpired, unused) flow behind a browser's token, or null. */
export async function findResetTicket({ db, token, now = new Date() }: { db: Db; token: string; now?: Date }): Promise<ResetTicket | null> {
  if (!token) return null;
  const row = await db.passwordResetTicket.findFirst({
    where: { tokenHash: hashToken(token), usedAt: null, expiresAt: { gt: now } },
    select: { id: true, nationalId: true, mobile: true, accountId: true, verifiedAt: true },
  });
  if (!row) return null;
  return { id: row.id, nationalId: row.nationalId, mobile: row.mobile, verifiedAccountId: row.verifiedAt ? row.accountId : null };
}

/**
 * Step 2 succeeded: the flow is verified for `accountId` under a new token, so
 * a copy of the earlier token (taken before the code was typed) cannot finish
 * it. Null when the flow was verified meanwhile (a double post).
 */
export async function markResetTicketVerified({
  db,
  ticketId,
  accountId,
  now = new Date(),
}: {
  db: Db;
  ticketId: string;
  accountId: string;
  now?: Date;
}): Promise<{ token: string } | null> {
  const token = newToken();
  const updated = await db.passwordResetTicket.updateMany({
    where: { id: ticketId, verifiedAt: null, usedAt: null, expiresAt: { gt: now } },
    data: { tokenHash: hashToken(token), accountId, verifiedAt: now },
  });
  return updated.count === 1 ? { token } : null;
}
