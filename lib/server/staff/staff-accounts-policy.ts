// Who may unlock a staff account or reset its second factor: pure policy.
import type { StaffRole } from "@/lib/generated/prisma/enums";

export type StaffManager = { accountId: string; role: StaffRole; branchId: string | null };
export type ManagedStaff = { id: string; role: StaffRole; branchId: string | null };

/** Heads manage the officers of their own branch; the administrator manages every other account. Nobody manages their own. */
export function canManageStaff(actor: StaffManager, target: ManagedStaff): boolean {
  if (actor.accountId === target.id) return false;
  if (actor.role === "ADMIN") return true;
  return actor.role === "BRANCH_HEAD" && target.role === "OFFICER" && actor.branchId !== null && actor.branchId === target.branchId;
}

/** Who sees «کارکنان شعبه». */
export const canSeeStaffList = (actor: StaffManager) => actor.role === "ADMIN" || (actor.role === "BRANCH_HEAD" && actor.branchId !== null);
