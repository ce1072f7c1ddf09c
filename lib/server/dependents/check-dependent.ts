import "server-only";
import { getCivilRegistry } from "@/lib/adapters/civil-registry/get-civil-registry";
import type { RegistryPerson } from "@/lib/adapters/civil-registry/civil-registry";
import { evaluateEligibility, type Declared, type RuleId } from "@/lib/dependents/eligibility";
import type { DocumentKind } from "@/lib/dependents/documents";
import { verifyRelationship, type Relationship, type RelationshipRefusal } from "@/lib/dependents/relationships";
import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/server/db/prisma";
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
  | { ok: false; reason: "NOT_IN_REGISTRY" | "APPLICANT_NOT_INSURED" }
  | { ok: false; reason: RelationshipRefusal; message: string }
  | { ok: false; reason: "ALREADY_COVERED" }
  | { ok: false; reason: "ALREADY_REQUESTED"; trackingCode: string }
  | { ok: false; reason: "INELIGIBLE"; reasons: string[]; missingDeclarations: (keyof Declared)[] };

const OPEN_STATUSES = ["SUBMITTED", "IN_REVIEW", "RETURNED"] as const;

/**
 * Everything decided before any upload: the dependent exists in the civil
 * registry, is the applicant's spouse/child/parent there, is not already
 * covered or requested by the applicant, and meets a rule of the eligibility
 * table with what the applicant declared. Throws AppError("REGISTRY_UNAVAILABLE").
 */
export async function checkDependent({
  db,
  citizenId,
  dependentNationalId,
  dependentBirthDate,
  relationship,
  declared = {},
  now = new Date(),
}: {
  db: Db;
  citizenId: string;
  dependentNationalId: string;
  dependentBirthDate: string;
  relationship: Relationship;
  declared?: Declared;
  now?: Date;
}): Promise<DependentCheck> {
  const applicantAccount = await db.citizenAccount.findUnique({
    where: { id: citizenId },
    select: { nationalId: true, birthDate: true },
  });
  if (!applicantAccount) throw new AppError("NOT_FOUND");
  const insured = await db.insuranceRecord.findUnique({ where: { nationalId: applicantAccount.nationalId }, select: { id: true } });
  if (!insured) return { ok: false, reason: "APPLICANT_NOT_INSURED" };

  const registry = getCivilRegistry();
  const [applicant, dependent] = await Promise.all([
    registry.lookupPerson({ nationalId: applicantAccount.nationalId, birthDate: applicantAccount.birthDate }),
    registry.lookupPerson({ nationalId: dependentNationalId, birthDate: dependentBirthDate }),
  ]);
  if (!dependent.found || !applicant.found) return { ok: false, reason: "NOT_IN_REGISTRY" };

  const link = verifyRelationship({ applicant: applicant.person, dependent: dependent.person, relationship });
  if (!link.ok) return { ok: false, reason: link.reason, message: link.message };

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
  if (coverages.some((c) => c.insuredNationalId === applicantAccount.nationalId)) return { ok: false, reason: "ALREADY_COVERED" };
  const mine = openRequests.find((r) => r.request.applicantNationalId === applicantAccount.nationalId);
  if (mine) return { ok: false, reason: "ALREADY_REQUESTED", trackingCode: mine.request.trackingCode };

  const eligibility = evaluateEligibility({
    relationship,
    dependentBirthDate: dependent.person.birthDate,
    declared,
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
