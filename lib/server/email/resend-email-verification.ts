import "server-only";
import type { Db } from "@/lib/server/db/prisma";
import { startEmailVerification } from "./email-verification";

/** A person may ask for a new link once a minute: each one is an email to an address not yet confirmed. */
export const RESEND_INTERVAL_MS = 60_000;

export type ResendResult = { ok: true } | { ok: false; reason: "no-address" | "already-confirmed" | "too-soon"; retryAt?: Date };

/** «ارسال دوباره پیوند»: a new link to the unconfirmed address; the earlier links stop working. */
export async function resendEmailVerification({
  db,
  citizenId,
  linkBase,
  now = new Date(),
}: {
  db: Db;
  citizenId: string;
  linkBase: string;
  now?: Date;
}): Promise<ResendResult> {
  return db.$transaction(async (tx) => {
    const account = await tx.citizenAccount.findUniqueOrThrow({ where: { id: citizenId }, select: { email: true, emailVerifiedAt: true, firstName: true, lastName: true } });
    if (!account.email) return { ok: false, reason: "no-address" };
    if (account.emailVerifiedAt) return { ok: false, reason: "already-confirmed" };
    const last = await tx.emailVerification.findFirst({ where: { citizenId }, orderBy: { createdAt: "desc" }, select: { createdAt: true } });
    if (last && now.getTime() - last.createdAt.getTime() < RESEND_INTERVAL_MS) {
      return { ok: false, reason: "too-soon", retryAt: new Date(last.createdAt.getTime() + RESEND_INTERVAL_MS) };
    }
    await startEmailVerification(tx, { citizenId, email: account.email, name: `${account.firstName} ${account.lastName}`, linkBase, now });
    return { ok: true };
  });
}
