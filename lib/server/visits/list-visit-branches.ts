import "server-only";
import type { Db } from "@/lib/server/db/prisma";

export type VisitBranch = { id: string; name: string; city: string; address: string; phone: string };

/**
 * Branches a person can visit, for the branch picker: their insurance branch
 * first (`homeBranchId`), then the others by city and name.
 */
export async function listVisitBranches({ db, nationalId }: { db: Db; nationalId: string }): Promise<{ home: VisitBranch | null; others: VisitBranch[] }> {
  const [insurance, branches] = await Promise.all([
    db.insuranceRecord.findUnique({ where: { nationalId }, select: { branchId: true } }),
    db.branch.findMany({ orderBy: [{ city: "asc" }, { code: "asc" }], select: { id: true, name: true, city: true, address: true, phone: true } }),
  ]);
  const home = branches.find((b) => b.id === insurance?.branchId) ?? null;
  return { home, others: branches.filter((b) => b !== home) };
}
