// A request's due date from its history. How many working days each kind has
// is in the request-kind registry (lib/domain/request-kinds.ts).
import { responseWorkingDays } from "@/lib/domain/request-kinds";
import type { RequestDomain, RequestEventType, RequestKind } from "@/lib/generated/prisma/enums";
import { computeDueAt, workingDaysUntil, type Pause, type WorkCalendar } from "@/lib/utils/working-days";
import { deriveStatus, isFinal } from "./request-status";

/** What a deadline is computed from: the kind, its domain, the events (oldest first) and the calendar. */
export type RequestHistory = {
  kind: RequestKind;
  domain: RequestDomain | null;
  events: readonly { type: RequestEventType; at: Date }[];
  calendar: WorkCalendar;
};

/**
 * The due date after these events (oldest first): counted from the first
 * SUBMITTED, paused from each RETURNED to the next RESUBMITTED; null once the
 * request is decided or while it waits on the applicant.
 */
export function dueAtAfter({ kind, domain, events, calendar }: RequestHistory): Date | null {
  const submitted = events.find((e) => e.type === "SUBMITTED");
  if (!submitted || isFinal(deriveStatus(events))) return null;
  const pauses: Pause[] = [];
  for (const event of events) {
    if (event.type === "RETURNED") pauses.push({ from: event.at, to: null });
    if (event.type === "RESUBMITTED" && pauses.at(-1)?.to === null) pauses.at(-1)!.to = event.at;
  }
  return computeDueAt({ receivedAt: submitted.at, workingDays: responseWorkingDays(kind, domain), pauses, calendar });
}

/** A deadline stopped while the request waits on the applicant. */
export type PausedDeadline = {
  /** When the request was returned to the applicant. */
  since: Date;
  /**
   * Working days the organisation will have to answer once the documents arrive,
   * counted from the day after they arrive; 0 or less when the deadline had already
   * come before the request was returned (then the answer is due at once).
   */
  workingDaysLeft: number;
};

/** Since when a returned request has been paused and what will be left of its deadline; null unless it is paused. */
export function pausedDeadline({ kind, domain, events, calendar }: RequestHistory): PausedDeadline | null {
  if (deriveStatus(events) !== "RETURNED") return null;
  const returnedAt = events.findLastIndex((e) => e.type === "RETURNED");
  if (returnedAt < 0) return null;
  const since = events[returnedAt]!.at;
  // The due date just before this return (earlier pauses counted), then what was left of it.
  const dueBefore = dueAtAfter({ kind, domain, events: events.slice(0, returnedAt), calendar });
  if (!dueBefore) return null;
  return { since, workingDaysLeft: workingDaysUntil({ dueAt: dueBefore, now: since, calendar }) };
}
