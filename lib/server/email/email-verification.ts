import "server-only";
import crypto from "node:crypto";
import type { Tx } from "@/lib/server/db/prisma";
import { queueEmail } from "./queue-email";
import { renderVerificationEmail } from "./render-email";

/** How long a confirmation link works. */
export const EMAIL_VERIFICATION_HOURS = 24;

export const hashVerificationToken = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

/** Where a confirmation link leads: a page that asks for one press before it confirms (a mail scanner's visit confirms nothing). */
export const verificationLink = (linkBase: string, token: string) => `${linkBase.replace(/\/+$/, "")}/email/verify?token=${encodeURIComponent(token)}`;

/**
 * A new one-time link for the account's address, in the caller's transaction:
 * the earlier unused links of the account stop working, only the token's hash
 * is stored, and the email carrying the link is queued (docs/decisions/018).
 */
export async function startEmailVerification(
  tx: Tx,
  { citizenId, email, name, linkBase, now }: { citizenId: string; email: string; name: string; linkBase: string; now: Date },
): Promise<{ id: string }> {
  await tx.emailVerification.deleteMany({ where: { citizenId, usedAt: null } });
  const token = crypto.randomBytes(32).toString("base64url");
  const verification = await tx.emailVerification.create({
    data: { citizenId, email, tokenHash: hashVerificationToken(token), createdAt: now, expiresAt: new Date(now.getTime() + EMAIL_VERIFICATION_HOURS * 3600_000) },
    select: { id: true },
  });
  await queueEmail(tx, {
    to: email,
    kind: "EMAIL_VERIFICATION",
    citizenId,
    email: renderVerificationEmail({ name, link: verificationLink(linkBase, token), validHours: EMAIL_VERIFICATION_HOURS }),
    now,
  });
  return verification;
}
