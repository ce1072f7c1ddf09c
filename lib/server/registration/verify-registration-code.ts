import "server-only";
import { getMobileOwnershipCheck } from "@/lib/adapters/mobile-ownership/get-mobile-ownership-check";
import { isAppError } from "@/lib/errors";
import type { Db } from "@/lib/server/db/prisma";
import { verifyOneTimeCode, type VerifyResult } from "@/lib/server/otp/verify-one-time-code";
import { updateDraft, type RegistrationDraft } from "./drafts";
import { refuseRegistrationEarly } from "./refuse-registration-early";

/** REFUSED: the registration ended here with a refusal already certain (refuseRegistrationEarly); its result is recorded. */
export type VerifyRegistrationResult = VerifyResult | { ok: false; reason: "NOT_OWNER" | "REFUSED" };

/**
 * Step 2b: the code proves the person holds the phone; then the operator is
 * asked whether the number is registered to this national ID. Only someone
 * holding the phone learns the answer. When the operator cannot be asked, the
 * person goes on: the answer is checked again when the registration is
 * submitted (submitRegistration). When the operator confirmed the owner and an
 * account already exists, the registration ends here rather than after the password.
 */
export async function verifyRegistrationCode({
  db,
  draft,
  code,
  now = new Date(),
}: {
  db: Db;
  draft: RegistrationDraft;
  code: string;
  now?: Date;
}): Promise<VerifyRegistrationResult> {
  const result = await verifyOneTimeCode({ db, purpose: "REGISTRATION", subjectId: draft.id, code, now });
  if (!result.ok) return result;
  if (result.mobile !== draft.mobile || !draft.nationalId) return { ok: false, reason: "NO_CODE" };
  const owner = await getMobileOwnershipCheck()
    .isOwner({ mobile: result.mobile, nationalId: draft.nationalId })
    .catch((error: unknown) => {
      if (isAppError(error, "MOBILE_CHECK_UNAVAILABLE")) return null;
      throw error;
    });
  if (owner === false) return { ok: false, reason: "NOT_OWNER" };
  await updateDraft({ db, draftId: draft.id, changes: { mobileVerifiedAt: now }, now });
  const refused = await refuseRegistrationEarly({ db, draft: { ...draft, mobileVerifiedAt: now }, step: "mobile", ownerConfirmed: owner === true, now });
  if (refused) return { ok: false, reason: "REFUSED" };
  return result;
}
