import "server-only";
import { mandatesBehindEvents } from "@/lib/server/mandates/mandates-behind-events";
import { isUuid } from "@/lib/utils/uuid";
import { AppError } from "@/lib/errors";
import type { ActorKind, RequestDomain, RequestEventType, RequestKind, RequestStatus } from "@/lib/generated/prisma/enums";
import { getWorkCalendar } from "@/lib/server/calendar/get-work-calendar";
import type { Db } from "@/lib/server/db/prisma";
import { workingDaysUntil } from "@/lib/utils/working-days";
import { pausedDeadline, type PausedDeadline } from "./deadline-rules";

export type MyRequestDetail = {
  id: string;
  trackingCode: string;
  kind: RequestKind;
  domain: RequestDomain | null;
  subject: string | null;
  body: string | null;
  status: RequestStatus;
  createdAt: Date;
  dueAt: Date | null;
  workingDaysLeft: number | null;
  /** While the request waits on the person's documents: since when, and what will be left of the deadline. */
  paused: PausedDeadline | null;
  branchName: string | null;
  /** Filed for the person at a branch (they came in, or had no account yet): by whom, where and when. */
  filedAtBranch: { staffName: string; branchName: string | null; at: Date } | null;
  events: {
    id: string;
    type: RequestEventType;
    at: Date;
    actorKind: ActorKind;
    reasonCode: string | null;
    note: string | null;
    previousDueAt: Date | null;
    newDueAt: Date | null;
    /** A helper who did it under a mandate. */
    helperName: string | null;
  }[];
  documents: { id: string; kind: string; fileName: string; mimeType: string; sizeBytes: number; uploadedAt: Date }[];
};


/**
 * One of the person's own requests. Someone else's request, or an id that does
 * not exist, is the same NOT_FOUND: nothing tells them apart.
 */
export async function getMyRequest({
  db,
  citizenId,
  requestId,
  now = new Date(),
}: {
  db: Db;
  citizenId: string;
  requestId: string;
  now?: Date;
}): Promise<MyRequestDetail> {
  if (!isUuid(requestId)) throw new AppError("NOT_FOUND");
  const request = await db.request.findFirst({
    where: { id: requestId, citizenId },
    select: {
      id: true,
      trackingCode: true,
      kind: true,
      domain: true,
      subject: true,
      body: true,
      status: true,
      createdAt: true,
      dueAt: true,
      branch: { select: { name: true } },
      events: {
        orderBy: [{ at: "asc" }, { id: "asc" }],
        select: {
          id: true,
          type: true,
          at: true,
          actorKind: true,
          actorStaffId: true,
          mandateId: true,
          reasonCode: true,
          note: true,
          previousDueAt: true,
          newDueAt: true,
        },
      },
      documents: {
        orderBy: { uploadedAt: "asc" },
        select: { id: true, kind: true, fileName: true, mimeType: true, sizeBytes: true, uploadedAt: true },
      },
    },
  });
  if (!request) throw new AppError("NOT_FOUND");
  const calendar = request.dueAt || request.status === "RETURNED" ? await getWorkCalendar({ db, now }) : null;
  const { branch, events, ...rest } = request;
  const first = events[0];
  const filer =
    first?.actorKind === "STAFF" && first.actorStaffId
      ? await db.staffAccount.findUnique({ where: { id: first.actorStaffId }, select: { firstName: true, lastName: true, branch: { select: { name: true } } } })
      : null;
  const mandates = await mandatesBehindEvents(db, events, now);
  return {
    ...rest,
    events: events.map(({ actorStaffId: _staff, mandateId, ...event }) => ({ ...event, helperName: mandateId ? (mandates.get(mandateId)?.helperName ?? null) : null })),
    branchName: branch?.name ?? null,
    filedAtBranch: filer ? { staffName: `${filer.firstName} ${filer.lastName}`, branchName: filer.branch?.name ?? null, at: first!.at } : null,
    workingDaysLeft: request.dueAt && calendar ? workingDaysUntil({ dueAt: request.dueAt, now, calendar }) : null,
    paused: calendar ? pausedDeadline({ kind: request.kind, domain: request.domain, events: request.events, calendar }) : null,
  };
}
