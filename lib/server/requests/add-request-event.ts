import "server-only";
import { REQUEST_KINDS } from "@/lib/domain/request-kinds";
import { AppError } from "@/lib/errors";
import type { ActorKind, RequestEventType, RequestStatus } from "@/lib/generated/prisma/enums";
import { getWorkCalendar } from "@/lib/server/calendar/get-work-calendar";
import type { Db, Tx } from "@/lib/server/db/prisma";
import { queueSms } from "@/lib/server/sms/queue-sms";
import { formatJalaliForDisplay, gregorianToJalali } from "@/lib/utils/jalali";
import { formatTrackingCode } from "@/lib/utils/tracking-code";
import { dueAtAfter } from "./deadline-rules";
import { REQUEST_KIND_EFFECTS } from "./request-kind-effects";
import { deriveStatus } from "./request-status";

/** Which events a status allows next; anything else is refused as a conflict. */
const ALLOWED_NEXT: Record<RequestStatus, readonly RequestEventType[]> = {
  SUBMITTED: ["ASSIGNED", "APPROVED", "REJECTED", "ANSWERED", "RETURNED", "CLOSED"],
  IN_REVIEW: ["ASSIGNED", "APPROVED", "REJECTED", "ANSWERED", "RETURNED", "CLOSED"],
  RETURNED: ["RESUBMITTED", "REJECTED", "CLOSED"],
  APPROVED: ["CLOSED"],
  REJECTED: ["CLOSED"],
  ANSWERED: ["CLOSED"],
  CLOSED: [],
};

export const requestEventSms = (type: RequestEventType, trackingCode: string, dueAt: Date | null): string | null => {
  const code = formatTrackingCode(trackingCode);
  switch (type) {
    case "RETURNED":
      return `درخواست شما با کد رهگیری ${code} برای تکمیل مدارک برگشت داده شد. لطفاً در سامانه خدمات غیرحضوری تأمین اجتماعی مدارک خواسته‌شده را بفرستید.`;
    case "RESUBMITTED":
      return `مدارک تکمیلی درخواست ${code} دریافت شد.${dueAt ? ` پاسخ تا ${formatJalaliForDisplay(gregorianToJalali(dueAt))} داده می‌شود.` : ""}`;
    case "APPROVED":
      return `درخواست شما با کد رهگیری ${code} تأیید شد.`;
    case "REJECTED":
      return `درخواست شما با کد رهگیری ${code} رد شد. دلیل را در سامانه خدمات غیرحضوری تأمین اجتماعی ببینید.`;
    case "ANSWERED":
      return `به پرسش شما با کد رهگیری ${code} پاسخ داده شد. پاسخ را در سامانه خدمات غیرحضوری تأمین اجتماعی ببینید.`;
    default:
      return null;
  }
};

const DECISIONS: readonly RequestEventType[] = ["APPROVED", "REJECTED", "ANSWERED"];

/**
 * Appends one event to a request's history and brings its derived status,
 * holder and deadline up to date, in one transaction. The change is
 * conditional (optimistic concurrency): on `expectedStatus`, and when given on
 * `expectedVersion` (the request's updatedAt as the deciding person saw it) and
 * `expectedAssignee` (who must hold it). When the request changed meanwhile,
 * nothing is written and CONFLICT is thrown; when someone else holds it,
 * FORBIDDEN. The applicant is told by SMS of decisions and of anything they must do.
 */
export async function addRequestEvent({
  db,
  requestId,
  expectedStatus,
  expectedVersion,
  expectedAssignee,
  event,
  alsoWrite,
  now = new Date(),
}: {
  db: Db;
  requestId: string;
  expectedStatus: RequestStatus;
  expectedVersion?: Date;
  /** undefined: anyone; null: nobody may hold it yet; an id: that officer must hold it. */
  expectedAssignee?: string | null;
  /** Further writes that must land with the event or not at all (e.g. new documents, the audit row). */
  alsoWrite?: (tx: Tx) => Promise<void>;
  event: {
    type: RequestEventType;
    actorKind: ActorKind;
    actorStaffId?: string | null;
    /** A helper acting under a mandate, and which. */
    actorCitizenId?: string | null;
    mandateId?: string | null;
    assigneeStaffId?: string | null;
    reasonCode?: string | null;
    note?: string | null;
  };
  now?: Date;
}): Promise<{ status: RequestStatus; dueAt: Date | null }> {
  const calendar = await getWorkCalendar({ db, now });
  const updated = await db.$transaction(async (tx) => {
    const request = await tx.request.findUnique({
      where: { id: requestId },
      select: {
        kind: true,
        domain: true,
        status: true,
        updatedAt: true,
        assignedStaffId: true,
        applicantNationalId: true,
        trackingCode: true,
        citizenId: true,
        citizen: { select: { mobile: true } },
        events: { orderBy: [{ at: "asc" }, { id: "asc" }], select: { type: true, at: true } },
      },
    });
    if (!request) throw new AppError("NOT_FOUND");
    if (request.status !== expectedStatus || !ALLOWED_NEXT[request.status].includes(event.type)) {
      throw new AppError("CONFLICT", `Request is ${request.status}; ${event.type} expected it ${expectedStatus}`);
    }
    if (expectedVersion && request.updatedAt.getTime() !== expectedVersion.getTime()) {
      throw new AppError("CONFLICT", "Request changed since it was shown");
    }
    if (expectedAssignee !== undefined && request.assignedStaffId !== expectedAssignee) {
      throw new AppError(expectedAssignee === null ? "CONFLICT" : "FORBIDDEN", "Request is held by someone else");
    }
    const events = [...request.events, { type: event.type, at: now }];
    const status = deriveStatus(events);
    const dueAt = dueAtAfter({ kind: request.kind, domain: request.domain, events, calendar });
    // The where clause is the concurrency guard: of two deciders, one writes.
    const guarded = await tx.request.updateMany({
      where: {
        id: requestId,
        status: expectedStatus,
        updatedAt: request.updatedAt,
        ...(expectedAssignee !== undefined ? { assignedStaffId: expectedAssignee } : {}),
      },
      data: {
        status,
        dueAt,
        updatedAt: now > request.updatedAt ? now : new Date(request.updatedAt.getTime() + 1),
        ...(event.type === "ASSIGNED" ? { assignedStaffId: event.assigneeStaffId ?? null } : {}),
        ...(DECISIONS.includes(event.type) ? { decidedAt: now } : {}),
      },
    });
    if (guarded.count !== 1) throw new AppError("CONFLICT", "Request changed meanwhile");
    await tx.requestEvent.create({
      data: { requestId, ...event, assigneeStaffId: event.type === "ASSIGNED" ? (event.assigneeStaffId ?? null) : null, at: now },
      select: { id: true },
    });
    if (alsoWrite) await alsoWrite(tx);
    // What approval does besides the event (an enrolment's coverage), in the same transaction.
    const onApproved = REQUEST_KIND_EFFECTS[request.kind].onApproved;
    if (event.type === "APPROVED" && onApproved) await onApproved(tx, { id: requestId, applicantNationalId: request.applicantNationalId }, now);
    // The registry says which events the applicant is told of; the text is per event.
    // The notice is queued with the event: both are committed or neither is.
    const notified: readonly RequestEventType[] = REQUEST_KINDS[request.kind].notices;
    const body = notified.includes(event.type) ? requestEventSms(event.type, request.trackingCode, dueAt) : null;
    if (body && request.citizen?.mobile) await queueSms(tx, { to: request.citizen.mobile, kind: "REQUEST_UPDATE", citizenId: request.citizenId, body, now });
    return { status, dueAt };
  });
  return { status: updated.status, dueAt: updated.dueAt };
}
