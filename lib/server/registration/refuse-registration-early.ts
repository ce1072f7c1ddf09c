import "server-only";
import { getCivilRegistry } from "@/lib/adapters/civil-registry/get-civil-registry";
import { getMobileOwnershipCheck } from "@/lib/adapters/mobile-ownership/get-mobile-ownership-check";
import { isAppError } from "@/lib/errors";
import type { Db } from "@/lib/server/db/prisma";
import { normalizeText } from "@/lib/utils/digits";
import type { RegistrationDraft } from "./drafts";
import { recordRegistration, type SubmitRegistrationResult } from "./submit-registration";

const sameName = (a: string, b: string) => normalizeText(a) === normalizeText(b);

/**
 * A refusal that is certain before the person chooses a password, recorded at
 * once (request, tracking code, SMS) so they are not asked for more. In the last
 * step's order, and told only to the holder of the number, as the last step does:
 * - after the mobile step, when the operator confirmed that the number belongs to
 *   the holder of this national ID: an account already exists;
 * - after the identity step: the civil registry knows the person, with the names
 *   typed, as deceased; or there is no insurance record and the operator confirms
 *   (asked again here, only for this case) that the number is the person's own.
 * Null when nothing is certain yet: the last step checks everything again. A
 * registry or operator that cannot be asked now is not a refusal.
 */
export async function refuseRegistrationEarly({
  db,
  draft,
  step,
  ownerConfirmed = false,
  now = new Date(),
}: {
  db: Db;
  draft: RegistrationDraft;
  step: "mobile" | "identity";
  /** At the mobile step: whether the operator has just confirmed the owner. */
  ownerConfirmed?: boolean;
  now?: Date;
}): Promise<SubmitRegistrationResult | null> {
  if (draft.requestId || !draft.nationalId || !draft.mobile || !draft.mobileVerifiedAt) return null;
  const nationalId = draft.nationalId;
  const mobile = draft.mobile;
  const insurance = await db.insuranceRecord.findUnique({ where: { nationalId }, select: { branchId: true } });
  const refuse = (outcome: "DECEASED" | "NO_INSURANCE" | "ALREADY_REGISTERED") =>
    recordRegistration({
      db,
      draftId: draft.id,
      applicant: { nationalId, mobile, branchId: insurance?.branchId ?? null },
      account: null,
      outcome,
      now,
    });

  if (step === "mobile") {
    if (ownerConfirmed && (await db.citizenAccount.findUnique({ where: { nationalId }, select: { id: true } }))) return refuse("ALREADY_REGISTERED");
    return null;
  }
  if (!(draft.firstName && draft.lastName && draft.fatherName && draft.birthDate)) return null;
  const lookup = await getCivilRegistry()
    .lookupPerson({ nationalId, birthDate: draft.birthDate })
    .catch((error: unknown) => {
      // Unreachable now: the last step asks again and says so.
      if (isAppError(error, "REGISTRY_UNAVAILABLE")) return null;
      throw error;
    });
  const person = lookup?.found ? lookup.person : null;
  const sameNames = person && sameName(person.firstName, draft.firstName) && sameName(person.lastName, draft.lastName) && sameName(person.fatherName, draft.fatherName);
  if (!person || !sameNames) return null;
  if (!person.isAlive) return refuse("DECEASED");
  if (insurance) return null;
  const owner = await getMobileOwnershipCheck()
    .isOwner({ mobile, nationalId })
    .catch((error: unknown) => {
      // Unreachable now: the last step asks again.
      if (isAppError(error, "MOBILE_CHECK_UNAVAILABLE")) return null;
      throw error;
    });
  return owner === true ? refuse("NO_INSURANCE") : null;
}
