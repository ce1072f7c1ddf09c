import "server-only";
import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/server/db/prisma";
import { recordAudit } from "@/lib/server/review/record-audit";
import type { StaffActor } from "@/lib/server/review/staff-access";
import { canSeeBranchVisits } from "./visit-access";

/**
 * An officer or the head marks a booked visitor of their branch as arrived
 * (whenever they come to the desk, early too) or absent (only once the slot's
 * time has come); audited with the person's national ID. A visit already marked
 * (by a colleague, a second click) stays as it was: CONFLICT.
 */
export async function markVisit({
  db,
  staff,
  visitId,
  outcome,
  now = new Date(),
}: {
  db: Db;
  staff: StaffActor;
  visitId: string;
  outcome: "ARRIVED" | "NO_SHOW";
  now?: Date;
}): Promise<void> {
  if (!canSeeBranchVisits(staff)) throw new AppError("FORBIDDEN");
  await db.$transaction(async (tx) => {
    const visit = await tx.branchVisit.findUnique({
      where: { id: visitId },
      select: { id: true, branchId: true, nationalId: true, requestId: true, slot: { select: { startsAt: true } } },
    });
    if (!visit || visit.branchId !== staff.branchId) throw new AppError("NOT_FOUND");
    if (outcome === "NO_SHOW" && visit.slot.startsAt > now) throw new AppError("INVALID_INPUT", "NOT_YET");
    const marked = await tx.branchVisit.updateMany({ where: { id: visit.id, status: "BOOKED" }, data: { status: outcome, updatedAt: now } });
    if (marked.count !== 1) throw new AppError("CONFLICT");
    await tx.branchVisitEvent.create({ data: { visitId: visit.id, type: outcome, actorKind: "STAFF", actorStaffId: staff.accountId, at: now }, select: { id: true } });
    await recordAudit(
      tx,
      { staffId: staff.accountId, action: "MARK_VISIT", subjectNationalId: visit.nationalId, requestId: visit.requestId, detail: outcome },
      now,
    );
  });
}
