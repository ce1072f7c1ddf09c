import "server-only";
import { AppError } from "@/lib/errors";
import type { BranchVisitStatus, RequestKind, RequestStatus } from "@/lib/generated/prisma/enums";
import type { Db } from "@/lib/server/db/prisma";
import { canSeeRequest, type StaffActor } from "@/lib/server/review/staff-access";
import { canSeeBranchVisits } from "./visit-access";

export type DayVisit = {
  id: string;
  trackingCode: string;
  nationalId: string;
  mobile: string;
  status: BranchVisitStatus;
  startsAt: Date;
  /** The refused registration or request the visit is about; `canOpen` when this staff member may open it. */
  request: { id: string; trackingCode: string; kind: RequestKind; status: RequestStatus; reasonCode: string | null; canOpen: boolean } | null;
  /** The helper who booked it for the person under a mandate (docs/decisions/020), who may come along. */
  bookedByHelper: { name: string; nationalId: string } | null;
};

export type DaySlot = { startsAt: Date; capacity: number; booked: number };

/** The visits of one day at the staff member's branch, by time, and the day's slots. */
export async function listBranchDay({ db, staff, day }: { db: Db; staff: StaffActor; day: string }): Promise<{ slots: DaySlot[]; visits: DayVisit[] }> {
  if (!canSeeBranchVisits(staff)) throw new AppError("FORBIDDEN");
  const date = new Date(`${day}T00:00:00Z`);
  const [slots, visits] = await Promise.all([
    db.branchVisitSlot.findMany({ where: { branchId: staff.branchId, day: date }, orderBy: { startsAt: "asc" }, select: { startsAt: true, capacity: true, booked: true } }),
    db.branchVisit.findMany({
      where: { branchId: staff.branchId, slot: { day: date }, status: { not: "CANCELLED" } },
      orderBy: [{ slot: { startsAt: "asc" } }, { createdAt: "asc" }],
      select: {
        id: true,
        trackingCode: true,
        nationalId: true,
        mobile: true,
        status: true,
        requestId: true,
        slot: { select: { startsAt: true } },
        events: { where: { type: "BOOKED" }, take: 1, select: { actorCitizenId: true } },
      },
    }),
  ]);
  const helperIds = [...new Set(visits.flatMap((v) => (v.events[0]?.actorCitizenId ? [v.events[0].actorCitizenId] : [])))];
  const helpers = helperIds.length
    ? await db.citizenAccount.findMany({ where: { id: { in: helperIds } }, select: { id: true, firstName: true, lastName: true, nationalId: true } })
    : [];
  const helperById = new Map(helpers.map((h) => [h.id, { name: `${h.firstName} ${h.lastName}`, nationalId: h.nationalId }]));
  const requestIds = visits.flatMap((v) => (v.requestId ? [v.requestId] : []));
  const requests = requestIds.length
    ? await db.request.findMany({
        where: { id: { in: requestIds } },
        select: {
          id: true,
          trackingCode: true,
          kind: true,
          status: true,
          branchId: true,
          events: { where: { type: "REJECTED" }, orderBy: { at: "desc" }, take: 1, select: { reasonCode: true } },
        },
      })
    : [];
  const byId = new Map(requests.map((r) => [r.id, r]));
  return {
    slots,
    visits: visits.map((v) => {
      const r = v.requestId ? byId.get(v.requestId) : undefined;
      return {
        id: v.id,
        trackingCode: v.trackingCode,
        nationalId: v.nationalId,
        mobile: v.mobile,
        status: v.status,
        startsAt: v.slot.startsAt,
        request: r
          ? { id: r.id, trackingCode: r.trackingCode, kind: r.kind, status: r.status, reasonCode: r.events[0]?.reasonCode ?? null, canOpen: canSeeRequest(staff, r) }
          : null,
        bookedByHelper: helperById.get(v.events[0]?.actorCitizenId ?? "") ?? null,
      };
    }),
  };
}
