// Who on the staff may do what with branch visits: pure policy (docs/decisions/019).
import { canWatchDeadlines, canWorkOnFiles, type StaffActor } from "@/lib/server/review/staff-access";

/** Officers and the head see their own branch's visits of a day and mark who came. */
export function canSeeBranchVisits(staff: StaffActor): staff is StaffActor & { branchId: string } {
  return canWorkOnFiles(staff);
}

/** Only the head opens days for visits and sets how many people a slot takes. */
export function canSetVisitCapacity(staff: StaffActor): staff is StaffActor & { branchId: string } {
  return canWatchDeadlines(staff);
}
