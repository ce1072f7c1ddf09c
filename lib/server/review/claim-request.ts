import "server-only";
import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/server/db/prisma";
import { addRequestEvent } from "@/lib/server/requests/add-request-event";
import { isUuid } from "@/lib/utils/uuid";
import { recordAudit } from "./record-audit";
import { canClaim, canReassign, canSeeRequest, type StaffActor } from "./staff-access";

async function loadFacts(db: Db, requestId: string) {
  if (!isUuid(requestId)) return null;
  return db.request.findUnique({
    where: { id: requestId },
    select: { branchId: true, status: true, assignedStaffId: true, applicantNationalId: true, updatedAt: true },
  });
}

/**
 * An officer (or head) of the request's branch takes it: from now on only they
 * decide it. Of two people claiming at once, one wins; the other gets CONFLICT.
 * A request of another branch is NOT_FOUND; one held by someone else, CONFLICT.
 */
export async function claimRequest({ db, staff, requestId, now = new Date() }: { db: Db; staff: StaffActor; requestId: string; now?: Date }) {
  const request = await loadFacts(db, requestId);
  if (!request || !canSeeRequest(staff, request)) throw new AppError("NOT_FOUND");
  if (!canClaim(staff, request)) throw new AppError("CONFLICT", "Request is held or decided");
  await addRequestEvent({
    db,
    requestId,
    expectedStatus: request.status,
    expectedAssignee: null,
    event: { type: "ASSIGNED", actorKind: "STAFF", actorStaffId: staff.accountId, assigneeStaffId: staff.accountId },
    alsoWrite: (tx) => recordAudit(tx, { staffId: staff.accountId, action: "CLAIM", subjectNationalId: request.applicantNationalId, requestId }, now),
    now,
  });
}

/**
 * A branch head gives an undecided request to a colleague of the branch (or to
 * themselves). `expectedVersion` is the request as the head saw it: if it has
 * changed since, nothing happens (CONFLICT).
 */
export async function assignRequest({
  db,
  staff,
  requestId,
  assigneeId,
  expectedVersion,
  now = new Date(),
}: {
  db: Db;
  staff: StaffActor;
  requestId: string;
  assigneeId: string;
  expectedVersion: Date;
  now?: Date;
}) {
  const request = await loadFacts(db, requestId);
  if (!request || !canSeeRequest(staff, request)) throw new AppError("NOT_FOUND");
  if (!canReassign(staff, request)) throw new AppError(staff.role === "BRANCH_HEAD" ? "CONFLICT" : "FORBIDDEN");
  const assignee = isUuid(assigneeId)
    ? await db.staffAccount.findFirst({
        where: { id: assigneeId, branchId: request.branchId, role: { in: ["OFFICER", "BRANCH_HEAD"] }, disabledAt: null },
        select: { id: true, firstName: true, lastName: true },
      })
    : null;
  if (!assignee) throw new AppError("INVALID_INPUT", "Assignee is not staff of this branch");
  if (assignee.id === request.assignedStaffId) return;
  await addRequestEvent({
    db,
    requestId,
    expectedStatus: request.status,
    expectedVersion,
    event: { type: "ASSIGNED", actorKind: "STAFF", actorStaffId: staff.accountId, assigneeStaffId: assignee.id },
    alsoWrite: (tx) =>
      recordAudit(
        tx,
        {
          staffId: staff.accountId,
          action: "ASSIGN",
          subjectNationalId: request.applicantNationalId,
          requestId,
          detail: `به ${assignee.firstName} ${assignee.lastName}`,
        },
        now,
      ),
    now,
  });
}
