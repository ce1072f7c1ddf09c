import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
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
import { readRows } from "@/lib/server/db/read-rows";
import { pausedDeadline, type PausedDeadline } from "@/lib/server/requests/deadline-rules";
import { ageOn, parseJalaliDate, todayJalali } from "@/lib/utils/jalali";
import { isUuid } from "@/lib/utils/uuid";
import { workingDaysUntil } from "@/lib/utils/working-days";
import { decisionsFor, type DecisionType } from "@/lib/domain/request-kinds";
import { auditViewOf } from "./record-audit";
import { canClaim, canDecide, canReassign, canSeeRequest, canWorkOnFiles, type StaffActor } from "./staff-access";

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

/** The request's row with its joined people and enrolment (a left join's columns are null when it found nothing). */
type ReviewSqlRow = Pick<ReviewRequest, "id" | "trackingCode" | "kind" | "domain" | "subject" | "body" | "status" | "createdAt" | "dueAt"> & {
  updatedAt: Date;
  branchId: string | null;
  applicantNationalId: string;
  assignedStaffId: string | null;
  assigneeFirstName: string | null;
  assigneeLastName: string | null;
  citizenId: string | null;
  citizenFirstName: string | null;
  citizenLastName: string | null;
  citizenFatherName: string | null;
  citizenBirthDate: string | null;
  citizenMobile: string | null;
  insuranceNumber: string | null;
  insuranceKind: InsuranceKind | null;
  enrolmentRequestId: string | null;
  dependentNationalId: string | null;
  dependentFirstName: string | null;
  dependentLastName: string | null;
  dependentFatherName: string | null;
  dependentBirthDate: string | null;
  dependentGender: Gender | null;
  relationship: Relationship | null;
  declared: unknown;
  eligibilityRule: string | null;
  duplicateOfNationalId: string | null;
  filedByStaffId: string | null;
  filedByFirstName: string | null;
  filedByLastName: string | null;
  documents: Json<ReviewRequest["documents"][number]>[];
  events: Json<EventRow>[];
};

type EventRow = Omit<ReviewRequest["events"][number], "helperName"> & { mandateId: string | null };
/** A row as `json_build_object` writes it: instants as ISO strings. */
type Json<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };

const instant = (value: string) => new Date(value);
const documentFromJson = (d: Json<ReviewRequest["documents"][number]>): ReviewRequest["documents"][number] => ({ ...d, uploadedAt: instant(d.uploadedAt) });
const eventFromJson = (e: Json<EventRow>): EventRow => ({
  ...e,
  at: instant(e.at),
  previousDueAt: e.previousDueAt === null ? null : instant(e.previousDueAt),
  newDueAt: e.newDueAt === null ? null : instant(e.newDueAt),
});

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
  // One plain statement, as on the other pages staff open all day: Prisma's nested findUnique
  // and the two look-ups after it cost 5.6 ms of CPU per view to compile (docs/decisions/021).
  // The files and the history come along as JSON arrays rather than as statements of their own:
  // two round trips through the pool (PgBouncer in a cluster) fewer on every view; the CPU it
  // saves was within the benchmark's noise (bench/README.md, 2026-12-03, fifth session).
  // Staff names come with the rows that name them.
  // The read is scoped to the staff member's branch in SQL, as the queue is (`canWorkOnFiles`
  // first: an administrator reads nothing), so that the same statement can record the view in
  // the audit log: one round trip to the database per view instead of two.
  if (!canWorkOnFiles(staff)) throw new AppError("NOT_FOUND");
  const [row] = await readRows<ReviewSqlRow>(db, Prisma.sql`
    WITH "seen" AS (
      SELECT r."id", r."trackingCode", r."kind"::text AS "kind", r."domain"::text AS "domain", r."subject", r."body", r."status"::text AS "status",
             r."createdAt", r."dueAt", r."updatedAt", r."branchId", r."applicantNationalId", r."assignedStaffId",
             s."firstName" AS "assigneeFirstName", s."lastName" AS "assigneeLastName",
             c."id" AS "citizenId", c."firstName" AS "citizenFirstName", c."lastName" AS "citizenLastName", c."fatherName" AS "citizenFatherName",
             c."birthDate" AS "citizenBirthDate", c."mobile" AS "citizenMobile",
             i."insuranceNumber", i."kind"::text AS "insuranceKind",
             e."requestId" AS "enrolmentRequestId", e."dependentNationalId", e."firstName" AS "dependentFirstName", e."lastName" AS "dependentLastName",
             e."fatherName" AS "dependentFatherName", e."birthDate" AS "dependentBirthDate", e."gender"::text AS "dependentGender",
             e."relationship"::text AS "relationship", e."declared", e."eligibilityRule", e."duplicateOfNationalId", e."filedByStaffId",
             f."firstName" AS "filedByFirstName", f."lastName" AS "filedByLastName",
             (SELECT COALESCE(json_agg(json_build_object(
                       'id', d."id", 'kind', d."kind", 'fileName', d."fileName", 'mimeType', d."mimeType", 'sizeBytes', d."sizeBytes",
                       'uploadedAt', d."uploadedAt", 'uploadedBy', d."uploadedBy"::text)
                     ORDER BY d."uploadedAt" ASC, d."id" ASC), '[]'::json)
                FROM "RequestDocument" d WHERE d."requestId" = r."id") AS "documents",
             (SELECT COALESCE(json_agg(json_build_object(
                       'id', ev."id", 'type', ev."type"::text, 'at', ev."at", 'actorKind', ev."actorKind"::text, 'reasonCode', ev."reasonCode",
                       'note', ev."note", 'previousDueAt', ev."previousDueAt", 'newDueAt', ev."newDueAt", 'mandateId', ev."mandateId",
                       'actorName', CASE WHEN a."id" IS NOT NULL THEN a."firstName" || ' ' || a."lastName" END,
                       'assigneeName', CASE WHEN b."id" IS NOT NULL THEN b."firstName" || ' ' || b."lastName" END)
                     ORDER BY ev."at" ASC, ev."id" ASC), '[]'::json)
                FROM "RequestEvent" ev
                LEFT JOIN "StaffAccount" a ON a."id" = ev."actorStaffId"
                LEFT JOIN "StaffAccount" b ON b."id" = ev."assigneeStaffId"
               WHERE ev."requestId" = r."id") AS "events"
        FROM "Request" r
        LEFT JOIN "StaffAccount" s ON s."id" = r."assignedStaffId"
        LEFT JOIN "CitizenAccount" c ON c."id" = r."citizenId"
        LEFT JOIN "InsuranceRecord" i ON i."nationalId" = r."applicantNationalId"
        LEFT JOIN "DependentEnrolment" e ON e."requestId" = r."id"
        LEFT JOIN "StaffAccount" f ON f."id" = e."filedByStaffId"
       WHERE r."id" = ${requestId}::uuid AND r."branchId" = ${staff.branchId}::uuid
    ), "viewed" AS (${auditViewOf("seen", { staffId: staff.accountId, action: "VIEW_REQUEST" }, now)})
    SELECT * FROM "seen"`);
  if (!row || !canSeeRequest(staff, row)) throw new AppError("NOT_FOUND");
  const request = { ...row, documents: row.documents.map(documentFromJson), events: row.events.map(eventFromJson) };
  const enrolment = row.enrolmentRequestId
    ? {
        dependentNationalId: row.dependentNationalId!,
        firstName: row.dependentFirstName!,
        lastName: row.dependentLastName!,
        fatherName: row.dependentFatherName!,
        birthDate: row.dependentBirthDate!,
        gender: row.dependentGender!,
        relationship: row.relationship!,
        declared: row.declared,
        eligibilityRule: row.eligibilityRule!,
        duplicateOfNationalId: row.duplicateOfNationalId,
        filedByStaffId: row.filedByStaffId,
      }
    : null;
  const duplicateId = enrolment?.duplicateOfNationalId ?? null;

  const [colleagues, duplicate, calendar, mandates] = await Promise.all([
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
  ]);
  const insurance = row.insuranceNumber !== null && row.insuranceKind !== null ? { insuranceNumber: row.insuranceNumber, kind: row.insuranceKind } : null;
  const citizen = row.citizenId
    ? { firstName: row.citizenFirstName!, lastName: row.citizenLastName!, fatherName: row.citizenFatherName!, birthDate: row.citizenBirthDate!, mobile: row.citizenMobile! }
    : null;
  const assignedStaff = row.assignedStaffId && row.assigneeFirstName !== null ? { id: row.assignedStaffId, firstName: row.assigneeFirstName, lastName: row.assigneeLastName! } : null;
  const filedByStaff = row.filedByFirstName !== null ? `${row.filedByFirstName} ${row.filedByLastName}` : null;

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
    assignee: assignedStaff ? { id: assignedStaff.id, name: nameOf(assignedStaff) } : null,
    applicant: {
      nationalId: request.applicantNationalId,
      firstName: citizen?.firstName ?? null,
      lastName: citizen?.lastName ?? null,
      fatherName: citizen?.fatherName ?? null,
      birthDate: citizen?.birthDate ?? null,
      mobile: citizen?.mobile ?? null,
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
            filedByStaff,
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
      actorName: event.actorName,
      assigneeName: event.assigneeName,
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
