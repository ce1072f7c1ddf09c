import "server-only";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { readRows } from "@/lib/server/db/read-rows";
import type { Db } from "@/lib/server/db/prisma";

/**
 * The person a request is filed for. Usually a citizen with an online account;
 * at a branch, staff may also file for an insured person who has none (a
 * walk-in, identified through the civil registry and the insurance record):
 * then `citizenId` is null, and the request joins the person's account if
 * they register later.
 */
export type Applicant = {
  nationalId: string;
  /** Jalali YYYY/MM/DD, ASCII digits: with the national ID, the civil-registry look-up. */
  birthDate: string;
  citizenId: string | null;
  /** Where the notices of the request go: the account's verified mobile, or a walk-in's operator-confirmed one. */
  mobile: string | null;
  /** A helper filing for the applicant under a mandate (docs/decisions/020-mandates.md). */
  helper?: { citizenId: string; mandateId: string } | null;
};

/** The signed-in citizen as an applicant. Throws AppError("NOT_FOUND") for an account that is gone. */
export async function citizenApplicant({
  db,
  citizenId,
  helper = null,
}: {
  db: Db;
  citizenId: string;
  helper?: Applicant["helper"];
}): Promise<Applicant> {
  // Plain SQL (decision 021): Prisma's query API compiles every call, about a fifth of a filed question's CPU in all.
  const [account] = await readRows<{ nationalId: string; birthDate: string; mobile: string }>(
    db,
    Prisma.sql`SELECT "nationalId", "birthDate", "mobile" FROM "CitizenAccount" WHERE "id" = ${citizenId}::uuid`,
  );
  if (!account) throw new AppError("NOT_FOUND");
  return { nationalId: account.nationalId, birthDate: account.birthDate, citizenId, mobile: account.mobile, helper };
}
