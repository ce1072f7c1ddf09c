"use server";

import { notFound, redirect } from "next/navigation";
import { isAppError } from "@/lib/errors";
import { requireStaff } from "@/lib/server/auth/require-staff";
import { getDb } from "@/lib/server/db/prisma";
import { resetSecondFactor, unlockStaffAccount } from "@/lib/server/staff/manage-staff-account";
import { canSeeStaffList } from "@/lib/server/staff/staff-accounts-policy";
import { isUuid } from "@/lib/utils/uuid";

/** «بازنشانی ورود دومرحله‌ای» on «کارکنان شعبه» (heads: their officers; the administrator: anyone else). */
export async function resetSecondFactorAction(formData: FormData) {
  const user = await requireStaff();
  if (!canSeeStaffList(user)) notFound();
  const staffId = String(formData.get("staffId") ?? "");
  if (!isUuid(staffId)) redirect("/staff/team");
  const db = await getDb();
  const done = await resetSecondFactor({ db, actor: user, targetStaffId: staffId }).then(
    () => true,
    (error: unknown) => {
      // Someone this person may not manage: nothing happened, nothing is said.
      if (isAppError(error, "NOT_FOUND")) return false;
      throw error;
    },
  );
  redirect(done ? `/staff/team?done=reset&staff=${staffId}` : "/staff/team");
}

/** «باز کردن قفل ورود» on «کارکنان شعبه». */
export async function unlockStaffAction(formData: FormData) {
  const user = await requireStaff();
  if (!canSeeStaffList(user)) notFound();
  const staffId = String(formData.get("staffId") ?? "");
  if (!isUuid(staffId)) redirect("/staff/team");
  const db = await getDb();
  const done = await unlockStaffAccount({ db, actor: user, targetStaffId: staffId }).then(
    () => true,
    (error: unknown) => {
      if (isAppError(error, "NOT_FOUND")) return false;
      throw error;
    },
  );
  redirect(done ? `/staff/team?done=unlocked&staff=${staffId}` : "/staff/team");
}
