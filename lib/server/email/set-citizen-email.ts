import "server-only";
import type { Db } from "@/lib/server/db/prisma";
import { startEmailVerification } from "./email-verification";

export type SetCitizenEmailResult = "link-sent" | "removed" | "unchanged";

/**
 * Adds, changes or (with an empty address) removes a citizen's email address.
 * A new or changed address is unconfirmed, and a confirmation link is sent to
 * it; removing it ends email notices and voids the links. Giving the same
 * confirmed address again changes nothing. docs/decisions/018.
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
  return db.$transaction(async (tx) => {
    const account = await tx.citizenAccount.findUniqueOrThrow({ where: { id: citizenId }, select: { email: true, emailVerifiedAt: true, firstName: true, lastName: true } });
    if (!email) {
      if (!account.email) return "unchanged";
      await tx.citizenAccount.update({ where: { id: citizenId }, data: { email: null, emailVerifiedAt: null }, select: { id: true } });
      await tx.emailVerification.deleteMany({ where: { citizenId } });
      return "removed";
    }
    if (account.email === email && account.emailVerifiedAt) return "unchanged";
    await tx.citizenAccount.update({ where: { id: citizenId }, data: { email, emailVerifiedAt: null }, select: { id: true } });
    await startEmailVerification(tx, { citizenId, email, name: `${account.firstName} ${account.lastName}`, linkBase, now });
    return "link-sent";
  });
}
