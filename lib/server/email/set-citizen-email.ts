import "server-only";
import type { Db } from "@/lib/server/db/prisma";
import { rateLimitKey } from "@/lib/server/rate-limit/hash-key";
import { EMAIL_LINK_ACCOUNT } from "@/lib/server/rate-limit/policies";
import { takeAttempt } from "@/lib/server/rate-limit/take-attempt";
import { startEmailVerification } from "./email-verification";

export type SetCitizenEmailResult = { outcome: "link-sent" | "removed" | "unchanged" } | { outcome: "too-many"; until: Date };

/**
 * Adds, changes or (with an empty address) removes a citizen's email address.
 * A new or changed address is unconfirmed, and a confirmation link is sent to
 * it (at most EMAIL_LINK_ACCOUNT's number an hour); removing it ends email
 * notices and voids the links. Giving the same confirmed address again changes
 * nothing. docs/decisions/018.
 */
export async function setCitizenEmail({
  db,
  citizenId,
  email,
  linkBase,
  now = new Date(),
}: {
  db: Db;
  citizenId: string;
  /** Normalised (lib/schemas/fields.ts, zOptionalEmail): trimmed, lower case; "" removes. */
  email: string;
  linkBase: string;
  now?: Date;
}): Promise<SetCitizenEmailResult> {
  const current = await db.citizenAccount.findUniqueOrThrow({ where: { id: citizenId }, select: { email: true, emailVerifiedAt: true, firstName: true, lastName: true } });
  if (!email) {
    if (!current.email) return { outcome: "unchanged" };
    await db.$transaction(async (tx) => {
      await tx.citizenAccount.update({ where: { id: citizenId }, data: { email: null, emailVerifiedAt: null }, select: { id: true } });
      await tx.emailVerification.deleteMany({ where: { citizenId } });
    });
    return { outcome: "removed" };
  }
  if (current.email === email && current.emailVerifiedAt) return { outcome: "unchanged" };
  const attempt = await takeAttempt({ db, limits: [{ policy: EMAIL_LINK_ACCOUNT, key: rateLimitKey("citizen", citizenId) }], now });
  if (!attempt.ok) return { outcome: "too-many", until: attempt.until };
  await db.$transaction(async (tx) => {
    await tx.citizenAccount.update({ where: { id: citizenId }, data: { email, emailVerifiedAt: null }, select: { id: true } });
    await startEmailVerification(tx, { citizenId, email, name: `${current.firstName} ${current.lastName}`, linkBase, now });
  });
  return { outcome: "link-sent" };
}
