"use server";

import { redirect } from "next/navigation";
import { ZVisitBooking, ZVisitCancel, ZVisitMove } from "@/lib/schemas/branch-visit";
import { getDb } from "@/lib/server/db/prisma";
import { currentDraft } from "@/lib/server/registration/draft-cookie";
import { bookVisit } from "@/lib/server/visits/book-visit";
import { cancelVisit, moveVisit } from "@/lib/server/visits/change-visit";
import { refusedRegistrationBooker } from "@/lib/server/visits/visit-bookers";
import { visitOutcomePath } from "../../../visit-outcome-path";

const PAGE = "/register/result/visit";

/** The refused person, known by the verified draft their cookie names; anyone else back to registration. */
async function refusedPerson() {
  const db = await getDb();
  const booker = await refusedRegistrationBooker({ db, draft: await currentDraft() });
  if (!booker) redirect("/register");
  return { db, booker };
}

export async function bookRefusedVisitAction(formData: FormData) {
  const { db, booker } = await refusedPerson();
  const parsed = ZVisitBooking.safeParse(Object.fromEntries(formData));
  if (!parsed.success) redirect(visitOutcomePath(PAGE, "NO_SLOT", formData));
  const result = await bookVisit({ db, booker, slotId: parsed.data.slotId });
  redirect(visitOutcomePath(PAGE, result.booked ? "booked" : result.reason, formData));
}

export async function moveRefusedVisitAction(formData: FormData) {
  const { db, booker } = await refusedPerson();
  const parsed = ZVisitMove.safeParse(Object.fromEntries(formData));
  if (!parsed.success) redirect(visitOutcomePath(PAGE, "NO_SLOT", formData));
  const result = await moveVisit({ db, nationalId: booker.nationalId, ...parsed.data });
  redirect(visitOutcomePath(PAGE, result.changed ? "moved" : result.reason, formData));
}

export async function cancelRefusedVisitAction(formData: FormData) {
  const { db, booker } = await refusedPerson();
  const parsed = ZVisitCancel.safeParse(Object.fromEntries(formData));
  if (!parsed.success) redirect(visitOutcomePath(PAGE, "NOT_FOUND", formData));
  const result = await cancelVisit({ db, nationalId: booker.nationalId, ...parsed.data });
  redirect(visitOutcomePath(PAGE, result.changed ? "cancelled" : result.reason, formData));
}
