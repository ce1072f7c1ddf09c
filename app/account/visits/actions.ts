"use server";

import { redirect } from "next/navigation";
import { ZVisitBooking, ZVisitCancel, ZVisitMove } from "@/lib/schemas/branch-visit";
import { requireCitizenFile } from "@/lib/server/auth/require-citizen";
import { getDb } from "@/lib/server/db/prisma";
import { bookVisit } from "@/lib/server/visits/book-visit";
import { cancelVisit, moveVisit } from "@/lib/server/visits/change-visit";
import { citizenBooker } from "@/lib/server/visits/visit-bookers";
import { visitOutcomePath } from "../../visit-outcome-path";

// The open file's visit: the citizen's own, or the principal's for a helper whose
// mandate covers BOOK_VISITS (docs/decisions/020); the helper is kept on the visit's event.
const PAGE = "/account/visits";

export async function bookMyVisitAction(formData: FormData) {
  const { owner, helper } = await requireCitizenFile("BOOK_VISITS");
  const db = await getDb();
  const parsed = ZVisitBooking.safeParse(Object.fromEntries(formData));
  if (!parsed.success) redirect(visitOutcomePath(PAGE, "NO_SLOT", formData));
  const result = await bookVisit({ db, booker: await citizenBooker({ db, accountId: owner.accountId }), slotId: parsed.data.slotId, helper });
  redirect(visitOutcomePath(PAGE, result.booked ? "booked" : result.reason, formData));
}

export async function moveMyVisitAction(formData: FormData) {
  const { owner, helper } = await requireCitizenFile("BOOK_VISITS");
  const parsed = ZVisitMove.safeParse(Object.fromEntries(formData));
  if (!parsed.success) redirect(visitOutcomePath(PAGE, "NO_SLOT", formData));
  const result = await moveVisit({ db: await getDb(), nationalId: owner.nationalId, ...parsed.data, helper });
  redirect(visitOutcomePath(PAGE, result.changed ? "moved" : result.reason, formData));
}

export async function cancelMyVisitAction(formData: FormData) {
  const { owner, helper } = await requireCitizenFile("BOOK_VISITS");
  const parsed = ZVisitCancel.safeParse(Object.fromEntries(formData));
  if (!parsed.success) redirect(visitOutcomePath(PAGE, "NOT_FOUND", formData));
  const result = await cancelVisit({ db: await getDb(), nationalId: owner.nationalId, ...parsed.data, helper });
  redirect(visitOutcomePath(PAGE, result.changed ? "cancelled" : result.reason, formData));
}
