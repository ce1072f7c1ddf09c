import "server-only";
import { mandatesBehindEvents, type MandateBehindEvent } from "@/lib/server/mandates/mandates-behind-events";
import { documentChecklist } from "@/lib/dependents/document-checklist";
import { evaluateEligibility, findRule, type Declared, type RuleId } from "@/lib/dependents/eligibility";
import { AppError } from "@/lib/errors";
import type {
  ActorKind,
  Gender,
  InsuranceKind,
  Relationship,
  RequestDomain,
  RequestEventType,
  RequestKind,
  RequestStatus,
  StaffRole,
} from "@/lib/generated/prisma/enums";
import { getWorkCalendar } from "@/lib/server/calendar/get-work-calendar";
import type { Db } from "@/lib/server/db/prisma";
import { pausedDeadline, type PausedDeadline } from "@/lib/server/requests/deadline-rules";
import { ageOn, parseJalaliDate, todayJalali } from "@/lib/utils/jalali";
import { isUuid } from "@/lib/utils/uuid";
import { workingDaysUntil } from "@/lib/utils/working-days";
import { decisionsFor, type DecisionType } from "@/lib/domain/request-kinds";
import { recordAudit } from "./record-audit";
import { canClaim, canDecide, canReassign, canSeeRequest, type StaffActor } from "./staff-access";

type ChecklistRow = { kind: string; label: string; required: boolean; provided: boolean };

export type ReviewRequest = {
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
  /** While the request waits on the applicant: since when, and what will be left of the deadline. */
  paused: PausedDeadline | null;
  /** The request as shown (its updatedAt): decisions carry it back, so a change meanwhile is noticed. */
  version: string;
  assignee: { id: string; name: string } | null;
  applicant: {
    nationalId: string;
    firstName: string | null;
    lastName: string | null;
    fatherName: string | null;
    birthDate: string | null;
    mobile: string | null;
    insurance: { number: string; kind: InsuranceKind } | null;
  };
  enrolment: null | {
    relationship: Relationship;
    declared: Declared;
    rule: { id: string; description: string | null };
    /** As the civil registry returned it when the request was filed. */
    dependent: { nationalId: string; firstName: string; lastName: string; fatherName: string; birthDate: string; gender: Gender; age: number | null };
    /** Checked again today: a son may have turned 18 since he was filed. */
    eligibleToday: { eligible: true } | { eligible: false; reasons: string[] };
    checklist: ChecklistRow[];
    filedByStaff: string | null;
    duplicate: null | {
      insuredNationalId: string;
      insuredName: string | null;
      insuranceNumber: string | null;
      branchName: string | null;
      coveredSince: Date | null;
      otherRequests: { trackingCode: string; status: RequestStatus; createdAt: Date }[];
    };
  };
  documents: { id: string; kind: string; fileName: string; mimeType: string; sizeBytes: number; uploadedAt: Date; uploadedBy: ActorKind }[];
  events: {
    id: string;
    type: RequestEventType;
    at: Date;
    actorKind: ActorKind;
    actorName: string | null;
    assigneeName: string | null;
    reasonCode: string | null;
    note: string | null;
    previousDueAt: Date | null;
    newDueAt: Date | null;
    /** A helper who did it for the applicant under a mandate. */
    helperName: string | null;
  }[];
  /** The mandates under which helpers acted on this request (docs/decisions/020-mandates.md). */
  mandates: (MandateBehindEvent & { id: string })[];
  can: { claim: boolean; decide: boolean; reassign: boolean; decisions: readonly DecisionType[] };
  /** Who a head may hand the request to (empty for everyone else). */
  colleagues: { id: string; name: string; role: StaffRole }[];
};

const nameOf = (s: { firstName: string; lastName: string }) => `${s.firstName} ${s.lastName}`;

/**
 * A request as branch staff review it, side by side with the registry data and
 * any other record of the same dependent. Every call is a view of the
 * applicant's file and is written to the audit log. A request of another branch
 * (or a malformed id) is NOT_FOUND, exactly like one that does not exist.
 */
export async function getRequestForReview({
  db,
  staff,
  requestId,
  now = new Date(),
}: {
  db: Db;
  staff: StaffActor;
  requestId: string;
  now?: Date;
}): Promise<ReviewRequest> {
  if (!isUuid(requestId)) throw new AppError("NOT_FOUND");
  const request = await db.request.findUnique({
    where: { id: requestId },
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
      updatedAt: true,
      branchId: true,
      applicantNationalId: true,
      assignedStaffId: true,
      assignedStaff: { select: { id: true, firstName: true, lastName: true } },
      citizen: { select: { firstName: true, lastName: true, fatherName: true, birthDate: true, mobile: true } },
      enrolment: true,
      documents: {
        orderBy: [{ uploadedAt: "asc" }, { id: "asc" }],
        select: { id: true, kind: true, fileName: true, mimeType: true, sizeBytes: true, uploadedAt: true, uploadedBy: true },
      },
      events: {
        orderBy: [{ at: "asc" }, { id: "asc" }],
        select: {
          id: true,
          type: true,
          at: true,
          actorKind: true,
          actorStaffId: true,
          assigneeStaffId: true,
          reasonCode: true,
          note: true,
          previousDueAt: true,
          newDueAt: true,
          mandateId: true,
        },
      },
    },
  });
  if (!request || !canSeeRequest(staff, request)) throw new AppError("NOT_FOUND");

  const enrolment = request.enrolment;
  const duplicateId = enrolment?.duplicateOfNationalId ?? null;
  const staffIds = new Set<string>();
  for (const event of request.events) {
    if (event.actorStaffId) staffIds.add(event.actorStaffId);
    if (event.assigneeStaffId) staffIds.add(event.assigneeStaffId);
  }
  if (enrolment?.filedByStaffId) staffIds.add(enrolment.filedByStaffId);

  const [insurance, staffNames, colleagues, duplicate, calendar, mandates] = await Promise.all([
    db.insuranceRecord.findUnique({ where: { nationalId: request.applicantNationalId }, select: { insuranceNumber: true, kind: true } }),
    db.staffAccount.findMany({ where: { id: { in: [...staffIds] } }, select: { id: true, firstName: true, lastName: true } }),
    staff.role === "BRANCH_HEAD"
      ? db.staffAccount.findMany({
          where: { branchId: request.branchId, role: { in: ["OFFICER", "BRANCH_HEAD"] }, disabledAt: null },
          orderBy: [{ lastName: "asc" }, { firstName: "asc" }],
          select: { id: true, firstName: true, lastName: true, role: true },
        })
      : Promise.resolve([]),
    duplicateId && enrolment ? loadDuplicate(db, duplicateId, enrolment.dependentNationalId, request.id) : Promise.resolve(null),
    request.dueAt || request.status === "RETURNED" ? getWorkCalendar({ db, now }) : Promise.resolve(null),
    mandatesBehindEvents(db, request.events, now),
    recordAudit(db, { staffId: staff.accountId, action: "VIEW_REQUEST", subjectNationalId: request.applicantNationalId, requestId: request.id }, now),
  ]);
  const names = new Map(staffNames.map((s) => [s.id, nameOf(s)]));

  const facts = { branchId: request.branchId, status: request.status, assignedStaffId: request.assignedStaffId };
  const today = todayJalali(now);
  return {
    id: request.id,
    trackingCode: request.trackingCode,
    kind: request.kind,
    domain: request.domain,
    subject: request.subject,
    body: request.body,
    status: request.status,
    createdAt: request.createdAt,
    dueAt: request.dueAt,
    workingDaysLeft: request.dueAt && calendar ? workingDaysUntil({ dueAt: request.dueAt, now, calendar }) : null,
    paused: calendar ? pausedDeadline({ kind: request.kind, domain: request.domain, events: request.events, calendar }) : null,
    version: request.updatedAt.toISOString(),
    assignee: request.assignedStaff ? { id: request.assignedStaff.id, name: nameOf(request.assignedStaff) } : null,
    applicant: {
      nationalId: request.applicantNationalId,
      firstName: request.citizen?.firstName ?? null,
      lastName: request.citizen?.lastName ?? null,
      fatherName: request.citizen?.fatherName ?? null,
      birthDate: request.citizen?.birthDate ?? null,
      mobile: request.citizen?.mobile ?? null,
      insurance: insurance ? { number: insurance.insuranceNumber, kind: insurance.kind } : null,
    },
    enrolment: enrolment
      ? (() => {
          const declared = (enrolment.declared ?? {}) as Declared;
          const rule = enrolment.eligibilityRule as RuleId;
          const provided = new Set(request.documents.map((d) => d.kind));
          const birth = parseJalaliDate(enrolment.birthDate);
          const eligibility = evaluateEligibility({ relationship: enrolment.relationship, dependentBirthDate: enrolment.birthDate, declared, today });
          let checklist: ChecklistRow[] = [];
          try {
            checklist = documentChecklist({ relationship: enrolment.relationship, rule, declared }).map((item) => ({
              kind: item.kind,
              label: item.label,
              required: item.required,
              provided: provided.has(item.kind),
            }));
          } catch {
            // A rule renamed since filing: show the documents without a checklist.
            checklist = [];
          }
          return {
            relationship: enrolment.relationship,
            declared,
            rule: { id: rule, description: findRule(rule)?.rule.description ?? null },
            dependent: {
              nationalId: enrolment.dependentNationalId,
              firstName: enrolment.firstName,
              lastName: enrolment.lastName,
              fatherName: enrolment.fatherName,
              birthDate: enrolment.birthDate,
              gender: enrolment.gender,
              age: birth ? ageOn(birth, today) : null,
            },
            eligibleToday: eligibility.eligible ? { eligible: true as const } : { eligible: false as const, reasons: eligibility.reasons },
            checklist,
            filedByStaff: enrolment.filedByStaffId ? (names.get(enrolment.filedByStaffId) ?? null) : null,
            duplicate,
          };
        })()
      : null,
    documents: request.documents,
    events: request.events.map((event) => ({
      id: event.id,
      type: event.type,
      at: event.at,
      actorKind: event.actorKind,
      actorName: event.actorStaffId ? (names.get(event.actorStaffId) ?? null) : null,
      assigneeName: event.assigneeStaffId ? (names.get(event.assigneeStaffId) ?? null) : null,
      reasonCode: event.reasonCode,
      note: event.note,
      previousDueAt: event.previousDueAt,
      newDueAt: event.newDueAt,
      helperName: event.mandateId ? (mandates.get(event.mandateId)?.helperName ?? null) : null,
    })),
    mandates: [...mandates].map(([id, mandate]) => ({ id, ...mandate })),
    can: {
      claim: canClaim(staff, facts),
      decide: canDecide(staff, facts),
      reassign: canReassign(staff, facts),
      decisions: decisionsFor(request.kind),
    },
    colleagues: colleagues.map((c) => ({ id: c.id, name: nameOf(c), role: c.role })),
  };
}

/** The other insured person's record of the same dependent: coverage and open requests. */
async function loadDuplicate(db: Db, insuredNationalId: string, dependentNationalId: string, thisRequestId: string) {
  const [insured, account, coverage, requests] = await Promise.all([
    db.insuranceRecord.findUnique({ where: { nationalId: insuredNationalId }, select: { insuranceNumber: true, branch: { select: { name: true } } } }),
    db.citizenAccount.findUnique({ where: { nationalId: insuredNationalId }, select: { firstName: true, lastName: true } }),
    db.coverage.findUnique({
      where: { insuredNationalId_dependentNationalId: { insuredNationalId, dependentNationalId } },
      select: { startedAt: true, endedAt: true },
    }),
    db.request.findMany({
      where: { applicantNationalId: insuredNationalId, id: { not: thisRequestId }, enrolment: { dependentNationalId } },
      orderBy: { createdAt: "desc" },
      take: 5,
      select: { trackingCode: true, status: true, createdAt: true },
    }),
  ]);
  return {
    insuredNationalId,
    insuredName: account ? nameOf(account) : null,
    insuranceNumber: insured?.insuranceNumber ?? null,
    branchName: insured?.branch.name ?? null,
    coveredSince: coverage && !coverage.endedAt ? coverage.startedAt : null,
    otherRequests: requests,
  };
}
