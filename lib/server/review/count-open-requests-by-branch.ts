import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { BranchCounts } from "@/lib/server/observability/metrics";
import type { Db } from "@/lib/server/db/prisma";
import { readRows } from "@/lib/server/db/read-rows";

/**
 * Requests waiting for the organisation per branch code, and how many of them
 * are past their deadline (the metrics' gauges). Waiting on the applicant
 * (RETURNED) has no deadline and is not counted. One statement on the queue's
 * (branchId, status, dueAt) index.
 */
export async function countOpenRequestsByBranch({ db, now = new Date() }: { db: Db; now?: Date }): Promise<BranchCounts[]> {
  return readRows<BranchCounts>(db, Prisma.sql`
    SELECT b.code AS branch,
           count(*)::int AS open,
           (count(*) FILTER (WHERE r."dueAt" < ${now}))::int AS overdue
    FROM "Request" r JOIN "Branch" b ON b.id = r."branchId"
    WHERE r.status IN ('SUBMITTED', 'IN_REVIEW')
    GROUP BY b.code
    ORDER BY b.code`);
}
