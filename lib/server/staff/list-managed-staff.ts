import "server-only";
import type { Db } from "@/lib/server/db/prisma";
import { checkLockout } from "@/lib/server/rate-limit/check-lockout";
import { rateLimitKey } from "@/lib/server/rate-limit/hash-key";
import { SIGN_IN_STAFF_ACCOUNT } from "@/lib/server/rate-limit/policies";
import { canManageStaff, type StaffManager } from "./staff-accounts-policy";

export type ManagedStaffRow = {
  id: string;
  personnelCode: string;
  name: string;
  role: "OFFICER" | "BRANCH_HEAD" | "ADMIN";
  branchName: string | null;
  secondFactor: boolean;
  lockedUntil: Date | null;
  /** Bursts of failed sign-ins in the last 7 days. */
  alerts: { at: Date; detail: string | null }[];
};

/** «کارکنان شعبه»: the accounts this head (or the administrator) manages, with their sign-in state. */
export async function listManagedStaff({ db, actor, now = new Date() }: { db: Db; actor: StaffManager; now?: Date }): Promise<ManagedStaffRow[]> {
  const staff = await db.staffAccount.findMany({
    where: actor.role === "ADMIN" ? {} : { branchId: actor.branchId ?? "" },
    orderBy: { personnelCode: "asc" },
    select: {
      id: true,
      personnelCode: true,
      firstName: true,
      lastName: true,
      role: true,
      branchId: true,
      branch: { select: { name: true } },
      secondFactor: { select: { confirmedAt: true } },
    },
  });
  const managed = staff.filter((member) => canManageStaff(actor, member));
  const since = new Date(now.getTime() - 7 * 24 * 60 * 60_000);
  const events = await db.securityEvent.findMany({
    where: { staffId: { in: managed.map((member) => member.id) }, at: { gte: since } },
    orderBy: { at: "desc" },
    select: { staffId: true, at: true, detail: true },
  });
  return Promise.all(
    managed.map(async (member) => {
      const lock = await checkLockout({ db, policy: SIGN_IN_STAFF_ACCOUNT, key: rateLimitKey("staff", member.personnelCode), now });
      return {
        id: member.id,
        personnelCode: member.personnelCode,
        name: `${member.firstName} ${member.lastName}`,
        role: member.role,
        branchName: member.branch?.name ?? null,
        secondFactor: Boolean(member.secondFactor?.confirmedAt),
        lockedUntil: lock.locked ? lock.until : null,
        alerts: events.filter((event) => event.staffId === member.id).map(({ at, detail }) => ({ at, detail })),
      };
    }),
  );
}
