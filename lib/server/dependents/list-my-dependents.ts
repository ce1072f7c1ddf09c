import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Relationship } from "@/lib/dependents/relationships";
import type { RequestStatus } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/server/db/prisma";
import { readRows } from "@/lib/server/db/read-rows";
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
  // One SQL statement, as on «درخواست‌های من»: the page runs it on every view, and each
  // Prisma findMany costs more CPU to compile than the statement takes (docs/decisions/021).
  // Three parts told apart by `part`: the account itself (absent: NOT_FOUND), its
  // coverages (oldest first) and the enrolment requests filed for it (newest first, 200 at most).
  const rows = await readRows<ListRow>(db, Prisma.sql`
    WITH account AS (SELECT "nationalId" FROM "CitizenAccount" WHERE "id" = ${citizenId}::uuid)
    SELECT 'account' AS "part", NULL AS "dependentNationalId", NULL AS "relationship", NULL AS "firstName", NULL AS "lastName",
           NULL::timestamptz(3) AS "at", NULL::uuid AS "requestId", NULL AS "trackingCode", NULL AS "status", NULL::timestamptz(3) AS "dueAt"
      FROM account
    UNION ALL
    (SELECT 'covered', c."dependentNationalId", c."relationship"::text, c."firstName", c."lastName", c."startedAt", NULL, NULL, NULL, NULL
       FROM "Coverage" c JOIN account a ON c."insuredNationalId" = a."nationalId"
      WHERE c."endedAt" IS NULL
      ORDER BY c."startedAt" ASC, c."id" ASC)
    UNION ALL
    (SELECT 'request', e."dependentNationalId", e."relationship"::text, e."firstName", e."lastName", r."createdAt", r."id", r."trackingCode", r."status"::text, r."dueAt"
       FROM "Request" r JOIN account a ON r."applicantNationalId" = a."nationalId"
       JOIN "DependentEnrolment" e ON e."requestId" = r."id"
      ORDER BY r."createdAt" DESC, r."id" DESC
      LIMIT 200)`);
  if (!rows.some((row) => row.part === "account")) throw new AppError("NOT_FOUND");
  const coverages = rows.filter((row) => row.part === "covered");
  const enrolments = rows.filter((row) => row.part === "request");

  // Newest first, so the first match is the latest name the registry gave.
  const nameOf = (dependentNationalId: string) => enrolments.find((e) => e.dependentNationalId === dependentNationalId);

  return {
    covered: coverages.map((coverage) => {
      const enrolment = nameOf(coverage.dependentNationalId);
      return {
        dependentNationalId: coverage.dependentNationalId,
        maskedNationalId: maskNationalId(coverage.dependentNationalId),
        relationship: coverage.relationship,
        since: coverage.at,
        firstName: coverage.firstName ?? enrolment?.firstName ?? null,
        lastName: coverage.lastName ?? enrolment?.lastName ?? null,
      };
    }),
    requests: enrolments.map((e) => ({
      requestId: e.requestId!,
      trackingCode: e.trackingCode!,
      status: e.status!,
      relationship: e.relationship,
      firstName: e.firstName!,
      lastName: e.lastName!,
      createdAt: e.at,
      dueAt: e.dueAt,
    })),
  };
}

/** A row of the statement above (the columns a part does not use are null). */
type ListRow = {
  part: "account" | "covered" | "request";
  dependentNationalId: string;
  relationship: Relationship;
  firstName: string | null;
  lastName: string | null;
  at: Date;
  requestId: string | null;
  trackingCode: string | null;
  status: RequestStatus | null;
  dueAt: Date | null;
};
