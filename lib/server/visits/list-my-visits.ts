import "server-only";
import type { BranchVisitStatus } from "@/lib/generated/prisma/enums";
import type { Db } from "@/lib/server/db/prisma";

export type MyVisit = {
  id: string;
  trackingCode: string;
  status: BranchVisitStatus;
  startsAt: Date;
  branch: { id: string; name: string; address: string; phone: string };
};

/** A person's visits, the booked one first, then the latest. */
export async function listMyVisits({ db, nationalId }: { db: Db; nationalId: string }): Promise<MyVisit[]> {
  const visits = await db.branchVisit.findMany({
    where: { nationalId },
    orderBy: [{ createdAt: "desc" }],
    take: 10,
    select: {
      id: true,
      trackingCode: true,
      status: true,
      slot: { select: { startsAt: true } },
      branch: { select: { id: true, name: true, address: true, phone: true } },
    },
  });
  const mine = visits.map((v) => ({ id: v.id, trackingCode: v.trackingCode, status: v.status, startsAt: v.slot.startsAt, branch: v.branch }));
  return [...mine.filter((v) => v.status === "BOOKED"), ...mine.filter((v) => v.status !== "BOOKED")];
}
