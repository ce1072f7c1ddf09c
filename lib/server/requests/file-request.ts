import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { RequestDomain, RequestKind } from "@/lib/generated/prisma/enums";
import { readRows } from "@/lib/server/db/read-rows";
import { getWorkCalendar } from "@/lib/server/calendar/get-work-calendar";
import { isUniqueViolation } from "@/lib/server/db/prisma-errors";
import { queueSms } from "@/lib/server/sms/queue-sms";
import type { Db, Tx } from "@/lib/server/db/prisma";
import type { Applicant } from "./applicant";
import { recordMandateUse } from "@/lib/server/mandates/record-mandate-use";
import { createRequest, withTrackingCodeRetry } from "./create-request";
import { dueAtAfter } from "./deadline-rules";

// A form posted many times at once (a double tap, a retrying phone) makes every copy
// wait on the first one's unique submissionId until it commits, each holding a pooled
// connection: a copy may wait longer than Prisma's default 2 s for a connection.
const FILING_TRANSACTION = { maxWait: 10_000 };

export type FiledRequest = { requestId: string; trackingCode: string; created: boolean };

/**
 * The skeleton every filing shares (a question, a dependent enrolment, the
 * next kind): the applicant's insurance branch, the
 * deadline from the working-day calendar, the request with its first event and
 * the kind's own rows and the "received" SMS (queued in the outbox, when the
 * applicant has a mobile to send it to) in one
 * transaction (retried on a tracking-code collision). The same form posted twice (same
 * submissionId) makes one request: the second post gets the first one back.
 *
 * When the transaction fails, `discard` runs first (the caller's stored files
 * are deleted); an error other than the repeated post is then thrown for the
 * caller to word.
 */
export async function fileRequest({
  db,
  applicant,
  kind,
  domain = null,
  submissionId,
  content,
  filedByStaffId = null,
  writeDetails,
  discard,
  receivedSms,
  now,
}: {
  db: Db;
  applicant: Applicant;
  kind: RequestKind;
  domain?: RequestDomain | null;
  submissionId: string;
  content: { subject: string; body?: string };
  /** Staff filing at the branch on the citizen's behalf: the first event is theirs. */
  filedByStaffId?: string | null;
  /** The kind's own rows (enrolment details, documents, audit), in the request's transaction. */
  writeDetails: (tx: Tx, request: { id: string }, applicant: { nationalId: string }) => Promise<void>;
  discard: () => Promise<unknown>;
  receivedSms: (trackingCode: string, dueAt: Date | null) => string;
  now: Date;
}): Promise<FiledRequest> {
  // Plain SQL, as the applicant's read (./applicant.ts).
  const [insurance] = await readRows<{ branchId: string }>(db, Prisma.sql`SELECT "branchId" FROM "InsuranceRecord" WHERE "nationalId" = ${applicant.nationalId}`);
  const calendar = await getWorkCalendar({ db, now });
  const helper = applicant.helper ?? null;
  const events = [
    {
      type: "SUBMITTED" as const,
      actorKind: filedByStaffId ? ("STAFF" as const) : ("CITIZEN" as const),
      actorStaffId: filedByStaffId,
      actorCitizenId: helper?.citizenId ?? null,
      mandateId: helper?.mandateId ?? null,
      at: now,
    },
  ];
  const dueAt = dueAtAfter({ kind, domain, events, calendar });

  let request: { id: string; trackingCode: string };
  try {
    request = await withTrackingCodeRetry(() =>
      db.$transaction(async (tx) => {
        const created = await createRequest(tx, {
          kind,
          applicantNationalId: applicant.nationalId,
          citizenId: applicant.citizenId,
          branchId: insurance?.branchId ?? null,
          events,
          dueAt,
          submissionId,
          content: domain ? { domain, ...content } : content,
          now,
        });
        await writeDetails(tx, created, { nationalId: applicant.nationalId });
        await recordMandateUse(tx, helper, kind === "QUESTION" ? "FILE_QUESTION" : "ENROL_DEPENDENT", created.id);
        if (applicant.mobile) {
          await queueSms(tx, { to: applicant.mobile, kind: "REQUEST_RECEIVED", citizenId: applicant.citizenId, body: receivedSms(created.trackingCode, dueAt), now });
        }
        return created;
      }, FILING_TRANSACTION),
    );
  } catch (error) {
    await discard();
    if (isUniqueViolation(error, "submissionId")) {
      const existing = await db.request.findUnique({ where: { submissionId }, select: { id: true, trackingCode: true, applicantNationalId: true } });
      if (existing?.applicantNationalId === applicant.nationalId) return { requestId: existing.id, trackingCode: existing.trackingCode, created: false };
    }
    throw error;
  }
  return { requestId: request.id, trackingCode: request.trackingCode, created: true };
}
