import "server-only";
import { getCivilRegistry } from "@/lib/adapters/civil-registry/get-civil-registry";
import { getMobileOwnershipCheck } from "@/lib/adapters/mobile-ownership/get-mobile-ownership-check";
import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/server/db/prisma";
import { isUniqueViolation } from "@/lib/server/db/prisma-errors";
import { startEmailVerification } from "@/lib/server/email/email-verification";
import { createRequest, withTrackingCodeRetry } from "@/lib/server/requests/create-request";
import { queueSms } from "@/lib/server/sms/queue-sms";
import { normalizeText } from "@/lib/utils/digits";
import type { RegistrationDraft } from "./drafts";
import { isStepComplete, REGISTRATION_STEPS } from "./registration-steps";
import { registrationApprovedSms, registrationRejectedSms } from "./registration-sms";

export const REGISTRATION_REJECTIONS = [
  "IDENTITY_MISMATCH",
  "DECEASED",
  "MOBILE_NOT_OWNED",
  "NO_INSURANCE",
  "ALREADY_REGISTERED",
] as const;
export type RegistrationRejection = (typeof REGISTRATION_REJECTIONS)[number];

export type SubmitRegistrationResult = { requestId: string; trackingCode: string; outcome: "APPROVED" | RegistrationRejection };

const sameName = (a: string, b: string) => normalizeText(a) === normalizeText(b);

/**
 * Step 7: checks the answers against the civil registry, the operator and the
 * organisation's own records, then records the request with its outcome and, on
 * success, the account: all in one transaction. The unique national ID on
 * accounts makes racing submissions end with exactly one account; the unique
 * request on the draft makes a double submission of one draft one request.
 * Throws AppError REGISTRY_UNAVAILABLE / MOBILE_CHECK_UNAVAILABLE (nothing saved).
 */
export async function submitRegistration({
  db,
  draft,
  emailLinkBase,
  now = new Date(),
}: {
  db: Db;
  draft: RegistrationDraft;
  /** The portal's public address, for the link confirming the email address given (docs/decisions/018). */
  emailLinkBase?: string;
  now?: Date;
}): Promise<SubmitRegistrationResult> {
  if (draft.requestId) return existingResult(db, draft.requestId);
  if (!REGISTRATION_STEPS.slice(0, -1).every((step) => isStepComplete(step, draft))) {
    throw new AppError("INVALID_INPUT", "The registration draft is not complete");
  }
  const answers = {
    nationalId: draft.nationalId!,
    mobile: draft.mobile!,
    firstName: draft.firstName!,
    lastName: draft.lastName!,
    fatherName: draft.fatherName!,
    birthDate: draft.birthDate!,
    passwordHash: draft.passwordHash!,
    email: draft.email,
  };

  const lookup = await getCivilRegistry().lookupPerson({ nationalId: answers.nationalId, birthDate: answers.birthDate });
  const person = lookup.found ? lookup.person : null;
  const insurance = await db.insuranceRecord.findUnique({
    where: { nationalId: answers.nationalId },
    select: { branchId: true },
  });

  let outcome: SubmitRegistrationResult["outcome"];
  if (
    !person ||
    !sameName(person.firstName, answers.firstName) ||
    !sameName(person.lastName, answers.lastName) ||
    !sameName(person.fatherName, answers.fatherName)
  ) {
    outcome = "IDENTITY_MISMATCH";
  } else if (!person.isAlive) {
    outcome = "DECEASED";
  } else if (!(await getMobileOwnershipCheck().isOwner({ mobile: answers.mobile, nationalId: answers.nationalId }))) {
    outcome = "MOBILE_NOT_OWNED";
  } else if (!insurance) {
    outcome = "NO_INSURANCE";
  } else if (await db.citizenAccount.findUnique({ where: { nationalId: answers.nationalId }, select: { id: true } })) {
    outcome = "ALREADY_REGISTERED";
  } else {
    outcome = "APPROVED";
  }

  return recordRegistration({
    db,
    draftId: draft.id,
    applicant: { nationalId: answers.nationalId, mobile: answers.mobile, branchId: insurance?.branchId ?? null },
    account:
      person === null
        ? null
        : {
            email: answers.email || null,
            firstName: person.firstName,
            lastName: person.lastName,
            fatherName: person.fatherName,
            birthDate: answers.birthDate,
            gender: person.gender === "male" ? "MALE" : "FEMALE",
            passwordHash: answers.passwordHash,
          },
    outcome,
    emailLinkBase,
    now,
  });
}

/**
 * Records a registration's outcome: the REGISTRATION request with its decision,
 * the account when approved, with the requests staff filed for the person at
 * a branch before, and the SMS with the tracking code (queued), all in one
 * transaction with the draft claimed in it. Used at the last step, and earlier for a
 * refusal known before the person chose a password (refuseRegistrationEarly).
 */
export async function recordRegistration({
  db,
  draftId,
  applicant,
  account,
  outcome,
  emailLinkBase,
  now,
}: {
  db: Db;
  draftId: string;
  applicant: { nationalId: string; mobile: string; branchId: string | null };
  /** The new account's details; needed only when approved. */
  account: {
    email: string | null;
    firstName: string;
    lastName: string;
    fatherName: string;
    birthDate: string;
    gender: "MALE" | "FEMALE";
    passwordHash: string;
  } | null;
  outcome: SubmitRegistrationResult["outcome"];
  /** With an email address given: the link confirming it is sent in the same transaction. */
  emailLinkBase?: string;
  now: Date;
}): Promise<SubmitRegistrationResult> {
  if (outcome === "APPROVED" && !account) throw new AppError("INVALID_INPUT", "An approved registration needs the account's details");
  const record = (finalOutcome: SubmitRegistrationResult["outcome"]) =>
    withTrackingCodeRetry(() => db.$transaction(async (tx) => {
      let citizenId: string | null = null;
      if (finalOutcome === "APPROVED") {
        citizenId = (
          await tx.citizenAccount.create({
            data: { nationalId: applicant.nationalId, mobile: applicant.mobile, ...account!, createdAt: now },
            select: { id: true },
          })
        ).id;
        if (account!.email && emailLinkBase) {
          await startEmailVerification(tx, {
            citizenId,
            email: account!.email,
            name: `${account!.firstName} ${account!.lastName}`,
            linkBase: emailLinkBase,
            now,
          });
        }
        // Requests filed for them at a branch before they had an account (walk-ins) join it.
        await tx.request.updateMany({
          where: { applicantNationalId: applicant.nationalId, citizenId: null, events: { some: { type: "SUBMITTED", actorKind: "STAFF" } } },
          data: { citizenId },
        });
      }
      const request = await createRequest(tx, {
        kind: "REGISTRATION",
        applicantNationalId: applicant.nationalId,
        citizenId,
        branchId: applicant.branchId,
        now,
        events: [
          { type: "SUBMITTED", actorKind: "CITIZEN" },
          finalOutcome === "APPROVED"
            ? { type: "APPROVED", actorKind: "SYSTEM" }
            : { type: "REJECTED", actorKind: "SYSTEM", reasonCode: finalOutcome },
        ],
      });
      const claimed = await tx.registrationDraft.updateMany({
        where: { id: draftId, requestId: null },
        data: { requestId: request.id, passwordHash: null },
      });
      if (claimed.count !== 1) throw new DraftAlreadySubmitted();
      await queueSms(tx, {
        to: applicant.mobile,
        kind: "REGISTRATION_RESULT",
        citizenId,
        body: finalOutcome === "APPROVED" ? registrationApprovedSms(request.trackingCode) : registrationRejectedSms(request.trackingCode),
        now,
      });
      return { requestId: request.id, trackingCode: request.trackingCode, outcome: finalOutcome };
      // Racing submissions of one person wait on the first one's account until it commits,
      // each holding a pooled connection: allow longer than Prisma's 2 s for a connection.
    }, { maxWait: 10_000 }));

  let result: SubmitRegistrationResult;
  try {
    result = await record(outcome);
  } catch (error) {
    if (error instanceof DraftAlreadySubmitted) return existingDraftResult(db, draftId);
    // Another submission for the same national ID created the account first.
    if (outcome === "APPROVED" && isUniqueViolation(error, "nationalId")) {
      result = await record("ALREADY_REGISTERED").catch(async (retryError: unknown) => {
        if (retryError instanceof DraftAlreadySubmitted) return existingDraftResult(db, draftId);
        throw retryError;
      });
    } else {
      throw error;
    }
  }

  return result;
}

class DraftAlreadySubmitted extends Error {}

async function existingDraftResult(db: Db, draftId: string): Promise<SubmitRegistrationResult> {
  const draft = await db.registrationDraft.findUnique({ where: { id: draftId }, select: { requestId: true } });
  if (!draft?.requestId) throw new AppError("CONFLICT", "The draft was submitted concurrently but has no request");
  return existingResult(db, draft.requestId);
}

export async function existingResult(db: Db, requestId: string): Promise<SubmitRegistrationResult> {
  const request = await db.request.findUnique({
    where: { id: requestId },
    select: {
      id: true,
      trackingCode: true,
      events: { where: { type: { in: ["APPROVED", "REJECTED"] } }, orderBy: { at: "desc" }, take: 1, select: { type: true, reasonCode: true } },
    },
  });
  if (!request) throw new AppError("NOT_FOUND");
  const decision = request.events[0];
  const outcome =
    decision?.type === "APPROVED"
      ? "APPROVED"
      : (REGISTRATION_REJECTIONS.find((r) => r === decision?.reasonCode) ?? "IDENTITY_MISMATCH");
  return { requestId: request.id, trackingCode: request.trackingCode, outcome };
}
