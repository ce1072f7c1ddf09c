import "server-only";
import type { Db } from "@/lib/server/db/prisma";
import { rateLimitKey } from "@/lib/server/rate-limit/hash-key";
import { EMAIL_LINK_ACCOUNT } from "@/lib/server/rate-limit/policies";
import { takeAttempt } from "@/lib/server/rate-limit/take-attempt";
import { startEmailVerification } from "./email-verification";

/** A person may ask for a new link once a minute: each one is an email to an address not yet confirmed. */
export const RESEND_INTERVAL_MS = 60_000;

export type ResendResult = { ok: true } | { ok: false; reason: "no-address" | "already-confirmed" | "too-soon"; retryAt?: Date };

const hourlyLimit = (citizenId: string) => [{ policy: EMAIL_LINK_ACCOUNT, key: rateLimitKey("citizen", citizenId) }];

/** «ارسال دوباره پیوند»: a new link to the unconfirmed address (at most one a minute, and EMAIL_LINK_ACCOUNT's number an hour); the earlier links stop working. */
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
  const account = await db.citizenAccount.findUniqueOrThrow({ where: { id: citizenId }, select: { email: true, emailVerifiedAt: true, firstName: true, lastName: true } });
  if (!account.email) return { ok: false, reason: "no-address" };
  if (account.emailVerifiedAt) return { ok: false, reason: "already-confirmed" };
  const last = await db.emailVerification.findFirst({ where: { citizenId }, orderBy: { createdAt: "desc" }, select: { createdAt: true } });
  if (last && now.getTime() - last.createdAt.getTime() < RESEND_INTERVAL_MS) {
    return { ok: false, reason: "too-soon", retryAt: new Date(last.createdAt.getTime() + RESEND_INTERVAL_MS) };
  }
  const attempt = await takeAttempt({ db, limits: hourlyLimit(citizenId), now });
  if (!attempt.ok) return { ok: false, reason: "too-soon", retryAt: attempt.until };
  const email = account.email;
  await db.$transaction((tx) => startEmailVerification(tx, { citizenId, email, name: `${account.firstName} ${account.lastName}`, linkBase, now }));
  return { ok: true };
}
