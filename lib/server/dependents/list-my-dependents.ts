import "server-only";
import type { Relationship } from "@/lib/dependents/relationships";
import type { RequestStatus } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/server/db/prisma";
import { maskNationalId } from "@/lib/utils/national-id";

export type CoveredDependent = {
  dependentNationalId: string;
  /** Shown instead of the name when the portal never saw the person's enrolment (coverage from before it). */
  maskedNationalId: string;
  relationship: Relationship;
  since: Date;
  /** As the civil registry gives them (kept with the coverage, else from an enrolment); null when never known. */
  firstName: string | null;
  lastName: string | null;
};

export type DependentRequestRow = {
  requestId: string;
  trackingCode: string;
  status: RequestStatus;
  relationship: Relationship;
  firstName: string;
  lastName: string;
  createdAt: Date;
  dueAt: Date | null;
};

export type MyDependents = { covered: CoveredDependent[]; requests: DependentRequestRow[] };

/**
 * «افراد تحت تکفل»: who the citizen covers now, and their enrolment requests
 * (newest first). Scoped by the citizen's own national ID, so requests filed
 * for them at a branch appear too.
 */
export async function listMyDependents({ db, citizenId }: { db: Db; citizenId: string }): Promise<MyDependents> {
  const account = await db.citizenAccount.findUnique({ where: { id: citizenId }, select: { nationalId: true } });
  if (!account) throw new AppError("NOT_FOUND");

  const [coverages, enrolments] = await Promise.all([
    db.coverage.findMany({
      where: { insuredNationalId: account.nationalId, endedAt: null },
      orderBy: [{ startedAt: "asc" }, { id: "asc" }],
      select: { dependentNationalId: true, relationship: true, startedAt: true, firstName: true, lastName: true },
    }),
    db.dependentEnrolment.findMany({
      where: { request: { applicantNationalId: account.nationalId } },
      orderBy: [{ request: { createdAt: "desc" } }, { requestId: "desc" }],
      take: 200,
      select: {
        dependentNationalId: true,
        relationship: true,
        firstName: true,
        lastName: true,
        request: { select: { id: true, trackingCode: true, status: true, createdAt: true, dueAt: true } },
      },
    }),
  ]);

  // Newest first, so the first match is the latest name the registry gave.
  const nameOf = (dependentNationalId: string) => enrolments.find((e) => e.dependentNationalId === dependentNationalId);

  return {
    covered: coverages.map((coverage) => {
      const enrolment = nameOf(coverage.dependentNationalId);
      return {
        dependentNationalId: coverage.dependentNationalId,
        maskedNationalId: maskNationalId(coverage.dependentNationalId),
        relationship: coverage.relationship,
        since: coverage.startedAt,
        firstName: coverage.firstName ?? enrolment?.firstName ?? null,
        lastName: coverage.lastName ?? enrolment?.lastName ?? null,
      };
    }),
    requests: enrolments.map((e) => ({
      requestId: e.request.id,
      trackingCode: e.request.trackingCode,
      status: e.request.status,
      relationship: e.relationship,
      firstName: e.firstName,
      lastName: e.lastName,
      createdAt: e.request.createdAt,
      dueAt: e.request.dueAt,
    })),
  };
}
