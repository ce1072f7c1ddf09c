// Who on the staff may do what with a request: pure policy functions, used by
// pages (to show or hide a control) and by use cases (to refuse). See
// docs/decisions/006-staff-workspace-and-audit.md.
import type { RequestStatus, StaffRole } from "@/lib/generated/prisma/enums";

export type StaffActor = { accountId: string; role: StaffRole; branchId: string | null };

export type RequestAccessFacts = { branchId: string | null; status: RequestStatus; assignedStaffId: string | null };

/** Statuses in which the branch still owes the applicant something (or waits on them). */
export const OPEN_STATUSES = ["SUBMITTED", "IN_REVIEW", "RETURNED"] as const satisfies readonly RequestStatus[];

/** Statuses in which a decision can be taken. */
const DECIDABLE: readonly RequestStatus[] = ["SUBMITTED", "IN_REVIEW"];

/** Officers and heads work on the files of their own branch; administrators run the system, not files. */
export function canWorkOnFiles(staff: StaffActor): staff is StaffActor & { branchId: string } {
  return (staff.role === "OFFICER" || staff.role === "BRANCH_HEAD") && staff.branchId !== null;
}

export function canSeeRequest(staff: StaffActor, request: Pick<RequestAccessFacts, "branchId">): boolean {
  return canWorkOnFiles(staff) && request.branchId === staff.branchId;
}

/** One owner at a time: only an unheld, undecided request can be claimed. */
export function canClaim(staff: StaffActor, request: RequestAccessFacts): boolean {
  return canSeeRequest(staff, request) && DECIDABLE.includes(request.status) && request.assignedStaffId === null;
}

/** A head hands an undecided request to someone of the branch (or takes it back). */
export function canReassign(staff: StaffActor, request: RequestAccessFacts): boolean {
  return staff.role === "BRANCH_HEAD" && canSeeRequest(staff, request) && DECIDABLE.includes(request.status);
}

/** Only the holder decides, and only while a decision is due. */
export function canDecide(staff: StaffActor, request: RequestAccessFacts): boolean {
  return canSeeRequest(staff, request) && DECIDABLE.includes(request.status) && request.assignedStaffId === staff.accountId;
}

/** The deadline dashboard and the branch-wide figures. */
export function canWatchDeadlines(staff: StaffActor): staff is StaffActor & { branchId: string } {
  return staff.role === "BRANCH_HEAD" && staff.branchId !== null;
}
