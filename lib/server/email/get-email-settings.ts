import "server-only";
import type { Db } from "@/lib/server/db/prisma";

export type EmailSettings = {
  email: string | null;
  verifiedAt: Date | null;
  notices: boolean;
  /** When the latest confirmation link stops working, if one is waiting to be used. */
  pendingLinkExpiresAt: Date | null;
};

/** The «پست الکترونیک» page's view of the account. */
export async function getEmailSettings({ db, citizenId, now = new Date() }: { db: Db; citizenId: string; now?: Date }): Promise<EmailSettings> {
  const account = await db.citizenAccount.findUniqueOrThrow({ where: { id: citizenId }, select: { email: true, emailVerifiedAt: true, emailNotices: true } });
  const pending = account.email && !account.emailVerifiedAt
    ? await db.emailVerification.findFirst({
        where: { citizenId, usedAt: null, expiresAt: { gt: now }, email: account.email },
        orderBy: { createdAt: "desc" },
        select: { expiresAt: true },
      })
    : null;
  return { email: account.email, verifiedAt: account.emailVerifiedAt, notices: account.emailNotices, pendingLinkExpiresAt: pending?.expiresAt ?? null };
}
