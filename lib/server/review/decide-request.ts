import "server-only";
import { MORE_DOCUMENTS, REJECTION_REASONS, type RejectionReason } from "@/lib/domain/decision-reasons";
import { DECISION_EVENT, decisionsFor, type DecisionType } from "@/lib/domain/request-kinds";
import { DOCUMENTS, type DocumentKind } from "@/lib/dependents/documents";
import { AppError } from "@/lib/errors";
import type { AuditAction } from "@/lib/generated/prisma/enums";
import type { Db } from "@/lib/server/db/prisma";
import { addRequestEvent } from "@/lib/server/requests/add-request-event";
import { isUuid } from "@/lib/utils/uuid";
import { recordAudit } from "./record-audit";
import { canDecide, canSeeRequest, type StaffActor } from "./staff-access";

export type Decision =
  | { type: "APPROVE"; note?: string }
  | { type: "REJECT"; reason: RejectionReason; note?: string }
  | { type: "RETURN"; documents: DocumentKind[]; note?: string }
  | { type: "ANSWER"; answer: string };

const AUDIT: Record<DecisionType, AuditAction> = { APPROVE: "APPROVE", REJECT: "REJECT", RETURN: "RETURN", ANSWER: "ANSWER" };

/** What the applicant reads: the template and its rule, then the officer's words. */
function eventText(decision: Decision): { reasonCode: string | null; note: string | null } {
  const extra = "note" in decision && decision.note?.trim() ? decision.note.trim() : null;
  switch (decision.type) {
    case "APPROVE":
      return { reasonCode: null, note: extra };
    case "REJECT": {
      const reason = REJECTION_REASONS[decision.reason];
      return { reasonCode: decision.reason, note: [reason.rule || null, extra].filter(Boolean).join("\n") || null };
    }
    case "RETURN": {
      const names = decision.documents.map((kind) => DOCUMENTS[kind].label).join("، ");
      return { reasonCode: MORE_DOCUMENTS, note: [names ? `مدارک خواسته‌شده: ${names}.` : null, extra].filter(Boolean).join("\n") };
    }
    case "ANSWER":
      return { reasonCode: null, note: decision.answer.trim() };
  }
}

/**
 * The holder of a request decides it: approve (the dependent becomes covered),
 * reject with a reason, return for documents, or answer a question. The
 * decision, its audit row and (for approval) the coverage land in one
 * transaction, and the applicant gets an SMS. Refused when the request is not
 * of the officer's branch (NOT_FOUND), someone else holds it (FORBIDDEN), or it
 * changed since `expectedVersion` (CONFLICT); the decision must suit the kind
 * of request (INVALID_INPUT).
 */
export async function decideRequest({
  db,
  staff,
  requestId,
  expectedVersion,
  decision,
  now = new Date(),
}: {
  db: Db;
  staff: StaffActor;
  requestId: string;
  expectedVersion: Date;
  decision: Decision;
  now?: Date;
}) {
  const request = isUuid(requestId)
    ? await db.request.findUnique({
        where: { id: requestId },
        select: { kind: true, branchId: true, status: true, assignedStaffId: true, applicantNationalId: true, updatedAt: true },
      })
    : null;
  if (!request || !canSeeRequest(staff, request)) throw new AppError("NOT_FOUND");
  // Which decisions suit which kind is the request-kind registry's.
  if (!decisionsFor(request.kind).includes(decision.type)) throw new AppError("INVALID_INPUT", `${decision.type} does not apply to ${request.kind}`);
  // Checked here as well as in the transaction: a page shown before a reassignment
  // must hear "it changed" (reload and see), not "someone else holds it".
  if (request.updatedAt.getTime() !== expectedVersion.getTime()) throw new AppError("CONFLICT", "Request changed since it was shown");
  if (!canDecide(staff, request)) {
    throw new AppError(request.assignedStaffId === staff.accountId ? "CONFLICT" : "FORBIDDEN", "Not held by this officer, or already decided");
  }
  const text = eventText(decision);
  return addRequestEvent({
    db,
    requestId,
    expectedStatus: request.status,
    expectedVersion,
    expectedAssignee: staff.accountId,
    event: { type: DECISION_EVENT[decision.type], actorKind: "STAFF", actorStaffId: staff.accountId, ...text },
    alsoWrite: (tx) =>
      recordAudit(
        tx,
        {
          staffId: staff.accountId,
          action: AUDIT[decision.type],
          subjectNationalId: request.applicantNationalId,
          requestId,
          detail: text.reasonCode ?? null,
        },
        now,
      ),
    now,
  });
}
