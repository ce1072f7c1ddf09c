import "server-only";
import type { Db } from "@/lib/server/db/prisma";
import { hashVerificationToken } from "./email-verification";

export type ConfirmEmailResult = { ok: true; email: string } | { ok: false; reason: "unknown" | "expired" | "used" | "address-changed" };

/**
 * Uses a confirmation link: the account's address is confirmed if the link is
 * known, unused, not expired, and still for the account's current address. The
 * link is spent by a conditional update, so of two uses at once one confirms.
 */
export async function confirmEmail({ db, token, now = new Date() }: { db: Db; token: string; now?: Date }): Promise<ConfirmEmailResult> {
  if (!token || token.length > 100) return { ok: false, reason: "unknown" };
  return db.$transaction(async (tx) => {
    const link = await tx.emailVerification.findUnique({
      where: { tokenHash: hashVerificationToken(token) },
      select: { id: true, email: true, expiresAt: true, usedAt: true, citizen: { select: { id: true, email: true } } },
    });
    if (!link) return { ok: false, reason: "unknown" };
    if (link.usedAt) return { ok: false, reason: "used" };
    if (link.expiresAt <= now) return { ok: false, reason: "expired" };
    if (link.citizen.email !== link.email) return { ok: false, reason: "address-changed" };
    const spent = await tx.emailVerification.updateMany({ where: { id: link.id, usedAt: null }, data: { usedAt: now } });
    if (spent.count !== 1) return { ok: false, reason: "used" };
    await tx.citizenAccount.update({ where: { id: link.citizen.id }, data: { emailVerifiedAt: now }, select: { id: true } });
    return { ok: true, email: link.email };
  });
}

/** What the confirmation page shows before the press: whether the link can still be used, and for which address. */
export async function inspectEmailLink({ db, token, now = new Date() }: { db: Db; token: string; now?: Date }): Promise<ConfirmEmailResult> {
  if (!token || token.length > 100) return { ok: false, reason: "unknown" };
  const link = await db.emailVerification.findUnique({
    where: { tokenHash: hashVerificationToken(token) },
    select: { email: true, expiresAt: true, usedAt: true, citizen: { select: { email: true } } },
  });
  if (!link) return { ok: false, reason: "unknown" };
  if (link.usedAt) return { ok: false, reason: "used" };
  if (link.expiresAt <= now) return { ok: false, reason: "expired" };
  if (link.citizen.email !== link.email) return { ok: false, reason: "address-changed" };
  return { ok: true, email: link.email };
}
