import "server-only";
import type { Db } from "@/lib/server/db/prisma";
import type { RegistrationDraft } from "@/lib/server/registration/drafts";
import { getRegistrationResult } from "@/lib/server/registration/get-registration-result";
import type { VisitBooker } from "./book-visit";

/**
 * A person refused at registration books with what they have (docs/decisions/019):
 * the national ID and the mobile they verified by SMS code in this registration,
 * held server-side by the draft their browser's cookie names. Null for a draft
 * that was not refused (an approved person signs in instead) or not verified.
 */
export async function refusedRegistrationBooker({ db, draft }: { db: Db; draft: RegistrationDraft | null }): Promise<VisitBooker | null> {
  if (!draft?.requestId || !draft.nationalId || !draft.mobile || !draft.mobileVerifiedAt) return null;
  const result = await getRegistrationResult({ db, draft });
  if (!result || result.outcome === "APPROVED") return null;
  return { nationalId: draft.nationalId, mobile: draft.mobile, citizenId: null, requestId: draft.requestId };
}

/** A signed-in citizen books with their account's national ID and mobile. */
export async function citizenBooker({ db, accountId }: { db: Db; accountId: string }): Promise<VisitBooker> {
  const account = await db.citizenAccount.findUniqueOrThrow({ where: { id: accountId }, select: { id: true, nationalId: true, mobile: true } });
  return { nationalId: account.nationalId, mobile: account.mobile, citizenId: account.id, requestId: null };
}

/**
 * A person who opened their visit with its tracking code, national ID and the
 * SMS code: they act as the booking's own person (its national ID and mobile).
 */
export async function lookedUpVisitBooker({ db, visitId }: { db: Db; visitId: string }): Promise<VisitBooker | null> {
  const visit = await db.branchVisit.findUnique({ where: { id: visitId }, select: { nationalId: true, mobile: true, citizenId: true, requestId: true } });
  return visit ? { nationalId: visit.nationalId, mobile: visit.mobile, citizenId: visit.citizenId, requestId: visit.requestId } : null;
}
