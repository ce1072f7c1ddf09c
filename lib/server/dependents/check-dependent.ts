import "server-only";
import { getConfig } from "@/lib/config";
import { getCivilRegistry } from "@/lib/adapters/civil-registry/get-civil-registry";
import type { RegistryPerson } from "@/lib/adapters/civil-registry/civil-registry";
import { evaluateEligibility, type Declared, type RuleId } from "@/lib/dependents/eligibility";
import type { DocumentKind } from "@/lib/dependents/documents";
import { verifyRelationship, type Relationship, type RelationshipRefusal } from "@/lib/dependents/relationships";
import type { Db } from "@/lib/server/db/prisma";
import type { Applicant } from "@/lib/server/requests/applicant";
import { rateLimitKey } from "@/lib/server/rate-limit/hash-key";
import { DEPENDENT_LOOKUP_ALL, DEPENDENT_LOOKUP_MISSES } from "@/lib/server/rate-limit/policies";
import { takeAttempt } from "@/lib/server/rate-limit/take-attempt";
import { withdrawHit } from "@/lib/server/rate-limit/withdraw-hit";
import { todayJalali } from "@/lib/utils/jalali";

export type DuplicateFlag = { kind: "COVERED" | "REQUESTED"; insuredNationalId: string };

export type DependentCheck =
  | {
      ok: true;
      dependent: RegistryPerson;
      rule: RuleId;
      documents: DocumentKind[];
      /** Covered, or asked for, under another insured person: staff see both records. */
      duplicate: DuplicateFlag | null;
    }
  /**
   * No relative of the applicant with this national ID and birth date: not in
   * the registry, or in it but not related as claimed. One answer for both, so
   * the form cannot tell whether a birth date matches a stranger's national ID.
   */
  | { ok: false; reason: "NO_SUCH_RELATIVE" | "APPLICANT_NOT_INSURED" }
  | { ok: false; reason: Exclude<RelationshipRefusal, "NOT_RELATED">; message: string }
  /** Too many look-ups that found no relative, or too many look-ups, for this account. */
  | { ok: false; reason: "LOCKED"; until: Date }
  | { ok: false; reason: "ALREADY_COVERED" }
  | { ok: false; reason: "ALREADY_REQUESTED"; trackingCode: string }
  | { ok: false; reason: "INELIGIBLE"; reasons: string[]; missingDeclarations: (keyof Declared)[] };

const OPEN_STATUSES = ["SUBMITTED", "IN_REVIEW", "RETURNED"] as const;

/**
 * Everything decided before any upload: the dependent exists in the civil
 * registry, is the applicant's spouse/child/parent there, is not already
 * covered or requested by the applicant, and meets a rule of the eligibility
 * table with what the applicant declared. Throws AppError("REGISTRY_UNAVAILABLE").
 *
 * Look-ups are limited per account (for a walk-in at a branch, who has none,
 * per national ID); one that finds no relative counts as a miss (recorded before the registry is asked, taken back when a relative is
 * found), so a birth date cannot be guessed by trying dates.
 */
export async function checkDependent({
  db,
  applicant,
  dependentNationalId,
  dependentBirthDate,
  relationship,
  declared = {},
  now = new Date(),
}: {
  db: Db;
  applicant: Pick<Applicant, "nationalId" | "birthDate" | "citizenId">;
  dependentNationalId: string;
  dependentBirthDate: string;
  relationship: Relationship;
  declared?: Declared;
  now?: Date;
}): Promise<DependentCheck> {
  const insured = await db.insuranceRecord.findUnique({ where: { nationalId: applicant.nationalId }, select: { id: true } });
  if (!insured) return { ok: false, reason: "APPLICANT_NOT_INSURED" };

  const account = applicant.citizenId ? rateLimitKey("citizen", applicant.citizenId) : rateLimitKey("walk-in", applicant.nationalId);
  const config = getConfig();
  const attempt = await takeAttempt({
    db,
    limits: [
      { policy: { ...DEPENDENT_LOOKUP_MISSES, max: config.DEPENDENT_LOOKUP_MISSES_PER_HOUR }, key: account },
      { policy: { ...DEPENDENT_LOOKUP_ALL, max: config.DEPENDENT_LOOKUPS_PER_HOUR }, key: account },
    ],
    now,
  });
  if (!attempt.ok) return { ok: false, reason: "LOCKED", until: attempt.until };
  const [missHit] = attempt.hitIds;
  const registry = getCivilRegistry();
  const [applicantRecord, dependent] = await Promise.all([
    registry.lookupPerson({ nationalId: applicant.nationalId, birthDate: applicant.birthDate }),
    registry.lookupPerson({ nationalId: dependentNationalId, birthDate: dependentBirthDate }),
  ]);
  if (!dependent.found || !applicantRecord.found) return { ok: false, reason: "NO_SUCH_RELATIVE" };

  const link = verifyRelationship({ applicant: applicantRecord.person, dependent: dependent.person, relationship });
  if (!link.ok && link.reason === "NOT_RELATED") return { ok: false, reason: "NO_SUCH_RELATIVE" };
  // A relative: nothing was guessed, so the look-up is not a miss.
  await withdrawHit({ db, id: missHit! });
  if (!link.ok) return { ok: false, reason: link.reason as Exclude<RelationshipRefusal, "NOT_RELATED">, message: link.message };

  const [coverages, openRequests] = await Promise.all([
    db.coverage.findMany({
      where: { dependentNationalId, endedAt: null },
      select: { insuredNationalId: true },
    }),
    db.dependentEnrolment.findMany({
      where: { dependentNationalId, request: { status: { in: [...OPEN_STATUSES] } } },
      select: { request: { select: { applicantNationalId: true, trackingCode: true } } },
    }),
  ]);
  if (coverages.some((c) => c.insuredNationalId === applicant.nationalId)) return { ok: false, reason: "ALREADY_COVERED" };
  const mine = openRequests.find((r) => r.request.applicantNationalId === applicant.nationalId);
  if (mine) return { ok: false, reason: "ALREADY_REQUESTED", trackingCode: mine.request.trackingCode };

  const eligibility = evaluateEligibility({
    relationship,
    dependentBirthDate: dependent.person.birthDate,
    declared,
    // A spouse in the registry: she or he is married, whatever was declared (and is told why).
    known: dependent.person.spouseNationalId ? { unmarried: false } : {},
    today: todayJalali(now),
  });
  if (!eligibility.eligible) {
    return { ok: false, reason: "INELIGIBLE", reasons: eligibility.reasons, missingDeclarations: eligibility.missingDeclarations };
  }
  const otherCoverage = coverages[0];
  const otherRequest = openRequests[0];
  const duplicate: DuplicateFlag | null = otherCoverage
    ? { kind: "COVERED", insuredNationalId: otherCoverage.insuredNationalId }
    : otherRequest
      ? { kind: "REQUESTED", insuredNationalId: otherRequest.request.applicantNationalId }
      : null;
  return { ok: true, dependent: dependent.person, rule: eligibility.rule, documents: eligibility.documents, duplicate };
}
