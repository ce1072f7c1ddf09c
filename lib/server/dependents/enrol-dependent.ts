import "server-only";
import type { FileStorage } from "@/lib/adapters/storage/file-storage";
import { documentChecklist, type DocumentKind } from "@/lib/dependents/documents";
import type { Declared } from "@/lib/dependents/eligibility";
import { RELATIONSHIP_LABELS, type Relationship } from "@/lib/dependents/relationships";
import { AppError } from "@/lib/errors";
import { getWorkCalendar } from "@/lib/server/calendar/get-work-calendar";
import type { Db } from "@/lib/server/db/prisma";
import { isUniqueViolation } from "@/lib/server/db/prisma-errors";
import { createRequest, withTrackingCodeRetry } from "@/lib/server/requests/create-request";
import { recordAudit } from "@/lib/server/review/record-audit";
import { dueAtAfter } from "@/lib/server/requests/deadline-rules";
import type { StoredDocument } from "@/lib/server/requests/store-document";
import { sendSms } from "@/lib/server/sms/send-sms";
import { formatJalaliForDisplay, gregorianToJalali } from "@/lib/utils/jalali";
import { formatTrackingCode } from "@/lib/utils/tracking-code";
import { checkDependent, type DependentCheck } from "./check-dependent";

export type EnrolResult =
  | { ok: true; requestId: string; trackingCode: string; created: boolean }
  | { ok: false; refusal: Exclude<DependentCheck, { ok: true }> }
  | { ok: false; missingDocuments: DocumentKind[] };

export const enrolmentReceivedSms = (relationship: Relationship, trackingCode: string, dueAt: Date | null) =>
  `درخواست نام‌نویسی ${RELATIONSHIP_LABELS[relationship]} شما با کد رهگیری ${formatTrackingCode(trackingCode)} ثبت شد.` +
  (dueAt ? ` نتیجه تا ${formatJalaliForDisplay(gregorianToJalali(dueAt))} اعلام می‌شود.` : "");

/**
 * Files a dependent-enrolment request. Everything is checked again on the
 * server (registry, relationship, eligibility, the checklist), then the
 * request, its enrolment details, its documents and its first event are saved
 * in one transaction; the same form posted twice (same submissionId) makes one
 * request. Stored files of a refused or repeated submission are deleted.
 *
 * A document sent ahead (`stagedToken`) belongs to its PendingUpload row until
 * the transaction that files it deletes that row: a twin post carrying the same
 * tokens, or another form reusing them, can then never delete a file that a
 * filed request owns. Refused posts claim the rows (one delete each, so only
 * one claimer wins) before deleting their files.
 */
export async function enrolDependent({
  db,
  storage,
  citizenId,
  input,
  documents,
  filedByStaffId = null,
  now = new Date(),
}: {
  db: Db;
  storage: FileStorage;
  citizenId: string;
  input: { dependentNationalId: string; dependentBirthDate: string; relationship: Relationship; declared: Declared; submissionId: string };
  documents: { kind: DocumentKind; stored: StoredDocument; stagedToken?: string }[];
  filedByStaffId?: string | null;
  now?: Date;
}): Promise<EnrolResult> {
  const staged = documents.filter((d) => d.stagedToken);
  const discardFiles = () =>
    Promise.all(
      documents.map(async (d) => {
        if (d.stagedToken) {
          // Still ours only if its row is still there: whoever deletes the row owns the file.
          const claimed = await db.pendingUpload.deleteMany({ where: { id: d.stagedToken, citizenId, storageKey: d.stored.key } });
          if (claimed.count !== 1) return;
        }
        await storage.delete(d.stored.key).catch(() => undefined);
      }),
    );

  const sameSubmission = async (): Promise<EnrolResult | null> => {
    const already = await db.request.findUnique({
      where: { submissionId: input.submissionId },
      select: { id: true, trackingCode: true, citizenId: true },
    });
    if (!already) return null;
    await discardFiles();
    if (already.citizenId !== citizenId) throw new AppError("CONFLICT");
    return { ok: true, requestId: already.id, trackingCode: already.trackingCode, created: false };
  };
  const repeated = await sameSubmission();
  if (repeated) return repeated;

  const check = await checkDependent({ db, citizenId, ...input, now });
  if (!check.ok) {
    // A twin post of this same form may have been saved meanwhile: that is not a refusal.
    if (check.reason === "ALREADY_REQUESTED") {
      const twin = await sameSubmission();
      if (twin) return twin;
    }
    await discardFiles();
    return { ok: false, refusal: check };
  }
  const checklist = documentChecklist({ relationship: input.relationship, rule: check.rule, declared: input.declared });
  const given = new Set(documents.map((d) => d.kind));
  const missing = checklist.filter((item) => item.required && !given.has(item.kind)).map((item) => item.kind);
  if (missing.length > 0) {
    await discardFiles();
    return { ok: false, missingDocuments: missing };
  }

  const citizen = await db.citizenAccount.findUniqueOrThrow({ where: { id: citizenId }, select: { nationalId: true, mobile: true } });
  const insurance = await db.insuranceRecord.findUnique({ where: { nationalId: citizen.nationalId }, select: { branchId: true } });
  const calendar = await getWorkCalendar({ db, now });
  const events = [{ type: "SUBMITTED" as const, actorKind: filedByStaffId ? ("STAFF" as const) : ("CITIZEN" as const), actorStaffId: filedByStaffId, at: now }];
  const dueAt = dueAtAfter({ kind: "DEPENDENT_ENROLMENT", domain: null, events, calendar });
  const person = check.dependent;

  let request: { id: string; trackingCode: string };
  try {
    request = await withTrackingCodeRetry(() =>
      db.$transaction(async (tx) => {
        const created = await createRequest(tx, {
          kind: "DEPENDENT_ENROLMENT",
          applicantNationalId: citizen.nationalId,
          citizenId,
          branchId: insurance?.branchId ?? null,
          events,
          dueAt,
          submissionId: input.submissionId,
          content: { subject: `نام‌نویسی ${RELATIONSHIP_LABELS[input.relationship]}: ${person.firstName} ${person.lastName}` },
          now,
        });
        await tx.dependentEnrolment.create({
          data: {
            requestId: created.id,
            dependentNationalId: person.nationalId,
            firstName: person.firstName,
            lastName: person.lastName,
            fatherName: person.fatherName,
            birthDate: person.birthDate,
            gender: person.gender === "male" ? "MALE" : "FEMALE",
            relationship: input.relationship,
            declared: input.declared,
            eligibilityRule: check.rule,
            duplicateOfNationalId: check.duplicate?.insuredNationalId ?? null,
            filedByStaffId,
          },
        });
        await tx.requestDocument.createMany({
          data: documents.map((d) => ({
            requestId: created.id,
            kind: d.kind,
            storageKey: d.stored.key,
            fileName: d.stored.fileName,
            mimeType: d.stored.type.mime,
            sizeBytes: d.stored.size,
            uploadedBy: filedByStaffId ? ("STAFF" as const) : ("CITIZEN" as const),
            uploadedAt: now,
          })),
        });
        // The documents sent ahead now belong to the request; if another post took one meanwhile, file nothing.
        if (staged.length > 0) {
          const taken = await tx.pendingUpload.deleteMany({
            where: { id: { in: staged.map((d) => d.stagedToken!) }, citizenId },
          });
          if (taken.count !== staged.length) throw new StagedUploadGone();
        }
        // Filing for someone at the branch is an act on their file: audited with it.
        if (filedByStaffId) {
          await recordAudit(
            tx,
            { staffId: filedByStaffId, action: "FILE_ON_BEHALF", subjectNationalId: citizen.nationalId, requestId: created.id, detail: RELATIONSHIP_LABELS[input.relationship] },
            now,
          );
        }
        return created;
      }),
    );
  } catch (error) {
    await discardFiles();
    if (isUniqueViolation(error, "submissionId")) {
      const existing = await db.request.findUnique({ where: { submissionId: input.submissionId }, select: { id: true, trackingCode: true, citizenId: true } });
      if (existing?.citizenId === citizenId) return { ok: true, requestId: existing.id, trackingCode: existing.trackingCode, created: false };
    }
    // A document sent ahead was filed by another form meanwhile: it must be sent again.
    if (error instanceof StagedUploadGone || isUniqueViolation(error, "storageKey")) {
      return { ok: false, missingDocuments: [...new Set(staged.map((d) => d.kind))] };
    }
    throw error;
  }
  await sendSms({ db, to: citizen.mobile, citizenId, body: enrolmentReceivedSms(input.relationship, request.trackingCode, dueAt) }).catch(() => undefined);
  return { ok: true, requestId: request.id, trackingCode: request.trackingCode, created: true };
}

class StagedUploadGone extends Error {}
