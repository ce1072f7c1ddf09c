import "server-only";
import type { Db } from "@/lib/server/db/prisma";
import { verifyOneTimeCode } from "@/lib/server/otp/verify-one-time-code";
import { markResetTicketVerified, type ResetTicket } from "./reset-tickets";

/**
 * "Forgot password", step 2: the code proves the person holds the account's
 * mobile. Every failure is the same answer (wrong, expired, used up, or no
 * account with that national ID and mobile), and an unknown pair runs the same
 * check against a flow that has no code, so neither the words nor the time
 * tell a registered pair from an unknown one. On success the flow is verified
 * under a new token for the browser.
 */
export async function confirmResetCode({
  db,
  ticket,
  code,
  now = new Date(),
}: {
  db: Db;
  ticket: ResetTicket;
  code: string;
  now?: Date;
}): Promise<{ ok: true; token: string } | { ok: false }> {
  const account = await db.citizenAccount.findUnique({ where: { nationalId: ticket.nationalId }, select: { id: true, mobile: true } });
  const matching = account && account.mobile === ticket.mobile ? account : null;
  const result = await verifyOneTimeCode({ db, purpose: "PASSWORD_RESET", subjectId: matching?.id ?? ticket.id, code, now });
  if (!matching || !result.ok) return { ok: false };
  const verified = await markResetTicketVerified({ db, ticketId: ticket.id, accountId: matching.id, now });
  return verified ? { ok: true, token: verified.token } : { ok: false };
}
