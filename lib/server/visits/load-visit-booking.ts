import "server-only";
import type { Db } from "@/lib/server/db/prisma";
import { isUuid } from "@/lib/utils/uuid";
import { listFreeSlots } from "./list-free-slots";
import { listMyVisits } from "./list-my-visits";
import { listVisitBranches } from "./list-visit-branches";

/**
 * What the booking page shows a person: the branches (theirs first), the free
 * slots of the chosen one (`?branch=`, else the booked visit's, else theirs,
 * else the first), their booked visit and their earlier ones.
 */
export async function loadVisitBooking({ db, nationalId, branch, now = new Date() }: { db: Db; nationalId: string; branch: string | undefined; now?: Date }) {
  const [branches, visits] = await Promise.all([listVisitBranches({ db, nationalId }), listMyVisits({ db, nationalId })]);
  const all = [...(branches.home ? [branches.home] : []), ...branches.others];
  const current = visits.find((v) => v.status === "BOOKED") ?? null;
  const chosen = (branch && isUuid(branch) && all.find((b) => b.id === branch)) || all.find((b) => b.id === current?.branch.id) || all[0];
  const days = chosen ? await listFreeSlots({ db, branchId: chosen.id, now }) : [];
  return { branches, selectedBranchId: chosen?.id ?? "", days, current, past: visits.filter((v) => v !== current) };
}
