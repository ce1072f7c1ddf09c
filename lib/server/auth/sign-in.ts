import "server-only";
import type { Db } from "@/lib/server/db/prisma";
import { dummyPasswordHash, verifyPassword } from "./password";
import { createSession } from "./sessions";

export type SignInResult = { ok: true; session: { id: string; expiresAt: Date } } | { ok: false };

/**
 * Checks a citizen's national ID and password and opens a session. An unknown
 * account costs the same password check, so timing does not reveal who is registered.
 */
export async function signInCitizen({
  db,
  nationalId,
  password,
}: {
  db: Db;
  nationalId: string;
  password: string;
}): Promise<SignInResult> {
  const account = await db.citizenAccount.findUnique({
    where: { nationalId },
    select: { id: true, passwordHash: true },
  });
  const valid = await verifyPassword(account?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!account || !valid) return { ok: false };
  return { ok: true, session: await createSession({ db, subject: { kind: "CITIZEN", citizenId: account.id } }) };
}

export async function signInStaff({
  db,
  personnelCode,
  password,
}: {
  db: Db;
  personnelCode: string;
  password: string;
}): Promise<SignInResult> {
  const account = await db.staffAccount.findUnique({
    where: { personnelCode },
    select: { id: true, passwordHash: true, disabledAt: true },
  });
  const valid = await verifyPassword(account?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!account || !valid || account.disabledAt) return { ok: false };
  return { ok: true, session: await createSession({ db, subject: { kind: "STAFF", staffId: account.id } }) };
}
