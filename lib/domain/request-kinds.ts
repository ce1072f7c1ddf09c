// The request-kind registry: everything the portal knows about a kind of
// request, in one Record keyed by the Prisma enum, so that a new kind that is
// not described here fails `tsc` instead of silently falling back to a
// default somewhere. Pure data: components use the labels; the server's part
// of each kind (what approval writes, how the detail pages load it) is in
// lib/server/requests/request-kind-effects.ts, keyed by the same type.
// docs/adding-a-request-kind.md walks through adding one.
import type { RequestDomain, RequestEventType, RequestKind } from "@/lib/generated/prisma/enums";
import { DEADLINE_CAP_WORKING_DAYS } from "@/lib/utils/working-days";
import type { MandateScope } from "./mandates";

/** What branch staff may decide on a request (decide-request.ts turns each into an event). */
export type DecisionType = "APPROVE" | "REJECT" | "RETURN" | "ANSWER";

/** The event each decision appends to the request's history. */
export const DECISION_EVENT = { APPROVE: "APPROVED", REJECT: "REJECTED", RETURN: "RETURNED", ANSWER: "ANSWERED" } as const satisfies Record<
  DecisionType,
  RequestEventType
>;

export type KindSpec = {
  /** What citizens and staff read: lists, filters, the receipt, the dashboard, the CSV export. */
  label: string;
  /**
   * Who decides it: branch staff (it is in the queue, the dashboard and the
   * export), or the system at once (registration: approved or refused as it is
   * filed, never waiting on anyone).
   */
  decidedBy: "STAFF" | "SYSTEM";
  /**
   * Working days the organisation has to answer (the article: insurance
   * requests 3, medical 7, never more than DEADLINE_CAP_WORKING_DAYS), by the
   * request's domain where the kind has one; `default` when it has none.
   */
  responseWorkingDays: { default: number } & Partial<Record<RequestDomain, number>>;
  /** The decisions staff may take, in the order the review page offers them; none for kinds the system decides. */
  decisions: readonly DecisionType[];
  /** The events after which the applicant gets an SMS (the text is per event: add-request-event.ts, and the filing use case for SUBMITTED). */
  notices: readonly RequestEventType[];
  /**
   * What the citizen's request page says under «درخواست شما تأیید شد»,
   * a sentence with one link in it; null says nothing more than the heading.
   */
  approvedNotice: { before: string; link: { href: string; text: string }; after: string } | null;
  /** What a helper's mandate must cover to file or answer one for the principal; null: a helper never may. */
  helperScope: MandateScope | null;
};

export const REQUEST_KINDS = {
  REGISTRATION: {
    label: "ثبت‌نام در سامانه",
    decidedBy: "SYSTEM",
    responseWorkingDays: { default: 3 },
    decisions: [],
    // The registration wizard sends its own result message (submit-registration.ts).
    notices: [],
    approvedNotice: null,
    helperScope: null,
  },
  DEPENDENT_ENROLMENT: {
    label: "نام‌نویسی فرد تحت تکفل",
    decidedBy: "STAFF",
    // An enrolment is an insurance-domain request.
    responseWorkingDays: { default: 3 },
    decisions: ["APPROVE", "REJECT", "RETURN"],
    notices: ["SUBMITTED", "RETURNED", "RESUBMITTED", "APPROVED", "REJECTED"],
    approvedNotice: {
      before: "فرد تحت تکفل اکنون تحت پوشش است و در ",
      link: { href: "/account/dependents", text: "فهرست افراد تحت تکفل" },
      after: " دیده می‌شود.",
    },
    helperScope: "ENROL_DEPENDENTS",
  },
  QUESTION: {
    label: "پیگیری و پرسش",
    decidedBy: "STAFF",
    responseWorkingDays: { default: 3, INSURANCE: 3, MEDICAL: 7 },
    decisions: ["ANSWER", "RETURN"],
    notices: ["SUBMITTED", "RETURNED", "RESUBMITTED", "ANSWERED"],
    approvedNotice: null,
    helperScope: "FILE_QUESTIONS",
  },
} as const satisfies Record<RequestKind, KindSpec>;

/** Every kind, in the registry's order (filters list them so). */
export const ALL_REQUEST_KINDS = Object.keys(REQUEST_KINDS) as RequestKind[];

/** The kinds branch staff decide: the queue's filter, the dashboard, the export. */
export const STAFF_REQUEST_KINDS = ALL_REQUEST_KINDS.filter((kind) => REQUEST_KINDS[kind].decidedBy === "STAFF") as [RequestKind, ...RequestKind[]];

export const requestKindLabel = (kind: RequestKind): string => REQUEST_KINDS[kind].label;

export const decisionsFor = (kind: RequestKind): readonly DecisionType[] => REQUEST_KINDS[kind].decisions;

/** How many working days the organisation has to answer a request of this kind and domain. */
export function responseWorkingDays(kind: RequestKind, domain: RequestDomain | null): number {
  const days: KindSpec["responseWorkingDays"] = REQUEST_KINDS[kind].responseWorkingDays;
  return Math.min((domain ? days[domain] : undefined) ?? days.default, DEADLINE_CAP_WORKING_DAYS);
}
