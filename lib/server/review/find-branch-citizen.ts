import "server-only";
import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/server/db/prisma";
import { isValidNationalId } from "@/lib/utils/national-id";
import { canWorkOnFiles, type StaffActor } from "./staff-access";

export type BranchCitizen = { id: string; nationalId: string; firstName: string; lastName: string; mobile: string };

/**
 * The portal account of an insured person or pensioner of the staff member's
 * own branch, for filing on their behalf when they come to the branch. Null
 * when there is none: another branch, no portal account and not insured all
 * look the same, so the answer tells no one where else a person is insured.
 * Administrators do not work on files: NOT_FOUND.
 */
export async function findBranchCitizen({
  db,
  staff,
  nationalId,
}: {
  db: Db;
  staff: StaffActor;
  nationalId: string;
}): Promise<BranchCitizen | null> {
  if (!canWorkOnFiles(staff)) throw new AppError("NOT_FOUND");
  if (!isValidNationalId(nationalId)) return null;
  const [insurance, citizen] = await Promise.all([
    db.insuranceRecord.findFirst({ where: { nationalId, branchId: staff.branchId }, select: { id: true } }),
    db.citizenAccount.findUnique({
      where: { nationalId },
      select: { id: true, nationalId: true, firstName: true, lastName: true, mobile: true },
    }),
  ]);
  return insurance && citizen ? citizen : null;
}
