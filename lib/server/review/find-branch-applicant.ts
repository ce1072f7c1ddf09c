import "server-only";
import { getCivilRegistry } from "@/lib/adapters/civil-registry/get-civil-registry";
import { getMobileOwnershipCheck } from "@/lib/adapters/mobile-ownership/get-mobile-ownership-check";
import { AppError, isAppError } from "@/lib/errors";
import type { Db } from "@/lib/server/db/prisma";
import type { Applicant } from "@/lib/server/requests/applicant";
import { isValidNationalId } from "@/lib/utils/national-id";
import { canWorkOnFiles, type StaffActor } from "./staff-access";

export type BranchApplicant = Applicant & { firstName: string; lastName: string };

export type BranchApplicantLookup =
  | { found: true; applicant: BranchApplicant }
  /**
   * Not an insured person of this branch with this national ID and birth date:
   * another branch, not insured, not in the registry, deceased, or a birth date
   * that does not match all read alike, so the answer tells no one where else a
   * person is insured.
   */
  | { found: false; reason: "NOT_HERE" }
  /** A walk-in's mobile that the operator does not register to them: no text message may go there. */
  | { found: false; reason: "MOBILE_NOT_THEIRS" };

/**
 * An insured person or pensioner of the staff member's own branch who came to
 * the branch, identified by the national ID and birth date on their card, for
 * filing on their behalf. With an online account, the account answers and its
 * verified mobile gets the notices (a mobile typed at the branch is not used).
 * Without one (a walk-in), the civil registry confirms the person, and a mobile
 * given at the branch is used only once the operator confirms it is registered
 * to them. Administrators do not work on files: NOT_FOUND. Throws
 * AppError("REGISTRY_UNAVAILABLE") or AppError("MOBILE_CHECK_UNAVAILABLE") when
 * a walk-in cannot be checked.
 */
export async function findBranchApplicant({
  db,
  staff,
  nationalId,
  birthDate,
  mobile = null,
}: {
  db: Db;
  staff: StaffActor;
  nationalId: string;
  /** Jalali YYYY/MM/DD, ASCII digits. */
  birthDate: string;
  /** 09XXXXXXXXX, for a walk-in's notices; null when they gave none. */
  mobile?: string | null;
}): Promise<BranchApplicantLookup> {
  if (!canWorkOnFiles(staff)) throw new AppError("NOT_FOUND");
  const notHere = { found: false, reason: "NOT_HERE" } as const;
  if (!isValidNationalId(nationalId)) return notHere;
  const [insurance, account] = await Promise.all([
    db.insuranceRecord.findFirst({ where: { nationalId, branchId: staff.branchId }, select: { id: true } }),
    db.citizenAccount.findUnique({
      where: { nationalId },
      select: { id: true, firstName: true, lastName: true, birthDate: true, mobile: true },
    }),
  ]);
  if (!insurance) return notHere;
  if (account) {
    if (account.birthDate !== birthDate) return notHere;
    const { id, firstName, lastName } = account;
    return { found: true, applicant: { nationalId, birthDate, citizenId: id, mobile: account.mobile, firstName, lastName } };
  }
  const lookup = await getCivilRegistry().lookupPerson({ nationalId, birthDate });
  if (!lookup.found || !lookup.person.isAlive) return notHere;
  if (mobile && !(await getMobileOwnershipCheck().isOwner({ mobile, nationalId }))) return { found: false, reason: "MOBILE_NOT_THEIRS" };
  const { firstName, lastName } = lookup.person;
  return { found: true, applicant: { nationalId, birthDate, citizenId: null, mobile, firstName, lastName } };
}

/** The civil registry or the operators' ownership check could not be asked: try again shortly. */
export const isLookupUnavailable = (error: unknown) => isAppError(error, "REGISTRY_UNAVAILABLE") || isAppError(error, "MOBILE_CHECK_UNAVAILABLE");
