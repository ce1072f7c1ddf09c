import "server-only";
import type { RequestKind } from "@/lib/generated/prisma/enums";
import type { Tx } from "@/lib/server/db/prisma";

/**
 * The server's part of the request-kind registry (lib/domain/request-kinds.ts
 * holds the data pages may read): what a decision writes besides the event,
 * inside the decision's own transaction. Keyed by RequestKind, so a new kind
 * that is not described here fails `tsc`.
 */
type KindEffects = {
  /** Runs in the transaction that appends APPROVED; null when approval changes nothing else. */
  onApproved: ((tx: Tx, request: { id: string; applicantNationalId: string }, now: Date) => Promise<void>) | null;
};

export const REQUEST_KIND_EFFECTS: Record<RequestKind, KindEffects> = {
  // Approved by the system as it is filed: the account is created then (submit-registration.ts).
  REGISTRATION: { onApproved: null },
  DEPENDENT_ENROLMENT: {
    // An approved enrolment makes the dependent covered (again, if an earlier coverage ended).
    onApproved: async (tx, request, now) => {
      const enrolment = await tx.dependentEnrolment.findUnique({
        where: { requestId: request.id },
        select: { dependentNationalId: true, relationship: true, firstName: true, lastName: true },
      });
      if (!enrolment) return;
      const key = { insuredNationalId: request.applicantNationalId, dependentNationalId: enrolment.dependentNationalId };
      const granted = { relationship: enrolment.relationship, firstName: enrolment.firstName, lastName: enrolment.lastName, requestId: request.id, startedAt: now };
      await tx.coverage.upsert({
        where: { insuredNationalId_dependentNationalId: key },
        create: { ...key, ...granted },
        update: { ...granted, endedAt: null },
      });
    },
  },
  QUESTION: { onApproved: null },
};
