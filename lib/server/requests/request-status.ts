// A request's status is a function of its append-only events. The stored
// Request.status is this function's value, written with each new event.
import type { RequestEventType, RequestStatus } from "@/lib/generated/prisma/enums";

/** The status an event leads to; null: the event leaves the status as it was. */
const STATUS_AFTER: Record<RequestEventType, RequestStatus | null> = {
  SUBMITTED: "SUBMITTED",
  ASSIGNED: "IN_REVIEW",
  RETURNED: "RETURNED",
  RESUBMITTED: "IN_REVIEW",
  APPROVED: "APPROVED",
  REJECTED: "REJECTED",
  ANSWERED: "ANSWERED",
  CLOSED: "CLOSED",
  DUE_DATE_MOVED: null,
};

/** The status after the events, given oldest first. */
export function deriveStatus(events: readonly { type: RequestEventType }[]): RequestStatus {
  let status: RequestStatus = "SUBMITTED";
  for (const event of events) status = STATUS_AFTER[event.type] ?? status;
  return status;
}

/** Decided or closed: no deadline runs, nothing more happens by default. */
export function isFinal(status: RequestStatus): boolean {
  return status === "APPROVED" || status === "REJECTED" || status === "ANSWERED" || status === "CLOSED";
}

/** The clock runs only while the organisation holds the request. */
export function isWaitingOnApplicant(status: RequestStatus): boolean {
  return status === "RETURNED";
}
