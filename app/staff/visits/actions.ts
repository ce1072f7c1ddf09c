"use server";

import { notFound, redirect } from "next/navigation";
import { isAppError } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/schemas/form-state";
import { ZVisitCapacity, ZVisitMark } from "@/lib/schemas/branch-visit";
import { requireStaff } from "@/lib/server/auth/require-staff";
import { getDb } from "@/lib/server/db/prisma";
import { markVisit } from "@/lib/server/visits/mark-visit";
import { setVisitCapacity } from "@/lib/server/visits/set-visit-capacity";
import { canSeeBranchVisits, canSetVisitCapacity } from "@/lib/server/visits/visit-access";

const PAGE = "/staff/visits";

const back = (params: Record<string, string>) => `${PAGE}?${new URLSearchParams(params).toString()}`;
const dayOf = (formData: FormData) => {
  const day = formData.get("day");
  return typeof day === "string" && /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : "";
};

/** «ثبت ظرفیت» on «نوبت‌های مراجعه»: the head opens a day (each slot takes this many people). */
export async function setVisitCapacityAction(formData: FormData) {
  const user = await requireStaff();
  if (!canSetVisitCapacity(user)) notFound();
  const day = dayOf(formData);
  const typed = String(formData.get("perSlot") ?? "");
  const parsed = ZVisitCapacity.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    const error = fieldErrorsOf<"day" | "perSlot">(parsed.error);
    redirect(back({ day, m: error.day ? "DAY" : "CAPACITY", perSlot: typed }));
  }
  const outcome = await setVisitCapacity({ db: await getDb(), staff: user, ...parsed.data }).then(
    ({ keptForBooked }) => (keptForBooked > 0 ? "capacity-kept" : "capacity-saved"),
    (error: unknown) => {
      if (isAppError(error, "INVALID_INPUT")) return error.message === "DAY" ? "DAY" : "CAPACITY";
      throw error;
    },
  );
  redirect(back({ day, m: outcome, ...(outcome.startsWith("capacity-") ? {} : { perSlot: typed }) }));
}

/** «مراجعه کرد» / «مراجعه نکرد» on the day's list. */
export async function markVisitAction(formData: FormData) {
  const user = await requireStaff();
  if (!canSeeBranchVisits(user)) notFound();
  const day = dayOf(formData);
  const parsed = ZVisitMark.safeParse(Object.fromEntries(formData));
  if (!parsed.success) redirect(back({ day, m: "NOT_FOUND" }));
  const outcome = await markVisit({ db: await getDb(), staff: user, ...parsed.data }).then(
    () => `marked-${parsed.data.outcome}`,
    (error: unknown) => {
      if (isAppError(error, "NOT_FOUND") || isAppError(error, "CONFLICT") || isAppError(error, "INVALID_INPUT")) return error.code;
      throw error;
    },
  );
  redirect(back({ day, m: outcome }));
}
