import "server-only";
import { AppError } from "@/lib/errors";
import { revokeAllSessions } from "@/lib/server/auth/sessions";
import type { Db } from "@/lib/server/db/prisma";
import { clearHits } from "@/lib/server/rate-limit/clear-hits";
import { rateLimitKey } from "@/lib/server/rate-limit/hash-key";
import { SIGN_IN_STAFF_ACCOUNT } from "@/lib/server/rate-limit/policies";
import { recordAudit } from "@/lib/server/review/record-audit";
import { canManageStaff, type StaffManager } from "./staff-accounts-policy";

async function managedTarget({ db, actor, targetStaffId }: { db: Db; actor: StaffManager; targetStaffId: string }) {
  const target = await db.staffAccount.findUnique({ where: { id: targetStaffId }, select: { id: true, role: true, branchId: true, personnelCode: true } });
  // Another branch's account is "not found", like a request of another branch.
  if (!target || !canManageStaff(actor, target)) throw new AppError("NOT_FOUND");
  return target;
}

/**
 * The branch head (or the administrator) resets a staff member's second
 * factor: the authenticator and recovery codes are deleted and every session
 * ends, so the next sign-in enrols a new authenticator. Audited in the same
 * transaction.
 */
export async function resetSecondFactor({ db, actor, targetStaffId, now = new Date() }: { db: Db; actor: StaffManager; targetStaffId: string; now?: Date }) {
  const target = await managedTarget({ db, actor, targetStaffId });
  await db.$transaction(async (tx) => {
    await tx.secondFactor.deleteMany({ where: { staffId: target.id } });
    await revokeAllSessions({ db: tx as unknown as Db, subject: { staffId: target.id }, now });
    await recordAudit(tx, { staffId: actor.accountId, action: "RESET_SECOND_FACTOR", targetStaffId: target.id, detail: target.personnelCode }, now);
  });
}

/** The branch head (or the administrator) lifts the account-wide sign-in lock. Audited. */
export async function unlockStaffAccount({ db, actor, targetStaffId, now = new Date() }: { db: Db; actor: StaffManager; targetStaffId: string; now?: Date }) {
  const target = await managedTarget({ db, actor, targetStaffId });
  await clearHits({ db, bucket: SIGN_IN_STAFF_ACCOUNT.bucket, key: rateLimitKey("staff", target.personnelCode) });
  await recordAudit(db, { staffId: actor.accountId, action: "UNLOCK_STAFF", targetStaffId: target.id, detail: target.personnelCode }, now);
}
