// How many working days the organisation has to answer, by kind of request
// (the article: insurance 3, medical 7, never more than 10; enrolments are
// insurance-domain requests).
import type { RequestDomain, RequestEventType, RequestKind } from "@/lib/generated/prisma/enums";
import { computeDueAt, DEADLINE_CAP_WORKING_DAYS, type Pause, type WorkCalendar } from "@/lib/utils/working-days";
import { deriveStatus, isFinal } from "./request-status";

export function responseWorkingDays(kind: RequestKind, domain: RequestDomain | null): number {
  const days = domain === "MEDICAL" ? 7 : 3;
  return Math.min(kind === "QUESTION" ? days : 3, DEADLINE_CAP_WORKING_DAYS);
}

/**
 * The due date after these events (oldest first): counted from the first
 * SUBMITTED, paused from each RETURNED to the next RESUBMITTED; null once the
 * request is decided or while it waits on the applicant.
 */
export function dueAtAfter({
  kind,
  domain,
  events,
  calendar,
}: {
  kind: RequestKind;
  domain: RequestDomain | null;
  events: readonly { type: RequestEventType; at: Date }[];
  calendar: WorkCalendar;
}): Date | null {
  const submitted = events.find((e) => e.type === "SUBMITTED");
  if (!submitted || isFinal(deriveStatus(events))) return null;
  const pauses: Pause[] = [];
  for (const event of events) {
    if (event.type === "RETURNED") pauses.push({ from: event.at, to: null });
    if (event.type === "RESUBMITTED" && pauses.at(-1)?.to === null) pauses.at(-1)!.to = event.at;
  }
  return computeDueAt({ receivedAt: submitted.at, workingDays: responseWorkingDays(kind, domain), pauses, calendar });
}
