import "server-only";
import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/server/db/prisma";

export type StaffProfile = {
  firstName: string;
  lastName: string;
  personnelCode: string;
  role: "OFFICER" | "BRANCH_HEAD" | "ADMIN";
  branch: { code: string; name: string } | null;
};

export async function getStaffProfile({ db, accountId }: { db: Db; accountId: string }): Promise<StaffProfile> {
  const staff = await db.staffAccount.findUnique({
    where: { id: accountId },
    select: { firstName: true, lastName: true, personnelCode: true, role: true, branch: { select: { code: true, name: true } } },
  });
  if (!staff) throw new AppError("NOT_FOUND");
  return staff;
}
