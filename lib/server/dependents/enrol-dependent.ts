import "server-only";
import type { FileStorage } from "@/lib/adapters/storage/file-storage";
import { documentChecklist } from "@/lib/dependents/document-checklist";
import type { DocumentKind } from "@/lib/dependents/documents";
import type { Declared } from "@/lib/dependents/eligibility";
import { RELATIONSHIP_LABELS, type Relationship } from "@/lib/dependents/relationships";
import { AppError } from "@/lib/errors";
import type { TCheckedDependent as CheckedDependent } from "@/lib/schemas/dependent";
import type { Db } from "@/lib/server/db/prisma";
import { isUniqueViolation } from "@/lib/server/db/prisma-errors";
import type { Applicant } from "@/lib/server/requests/applicant";
import { fileRequest } from "@/lib/server/requests/file-request";
import { recordAudit } from "@/lib/server/review/record-audit";
import type { DocumentProblem, StoredDocument } from "@/lib/server/requests/store-document";
import { discardStoredFile } from "@/lib/server/uploads/discard-stored-file";
import { formatJalaliForDisplay, gregorianToJalali } from "@/lib/utils/jalali";
import { formatTrackingCode } from "@/lib/utils/tracking-code";
import { checkDependent, type DependentCheck } from "./check-dependent";

export type EnrolDocument = { kind: DocumentKind; stored: StoredDocument; stagedToken?: string };

/**
 * Collects the documents once the check has passed and the checklist is
 * known (the form reads and stores its files then). A collector that finds a
 * problem deletes what it stored itself, names the problem per document, and
 * says which documents are still kept for the next post (files sent ahead).
 */
export type CollectDocuments = (
  checked: CheckedDependent,
) => Promise<
  { ok: true; documents: EnrolDocument[] } | { ok: false; problems: Partial<Record<DocumentKind, DocumentProblem | "MISSING">>; kept: DocumentKind[] }
>;

export type EnrolResult =
  | { ok: true; requestId: string; trackingCode: string; created: boolean }
  | { ok: false; refusal: Exclude<DependentCheck, { ok: true }> }
  | { ok: false; checked: CheckedDependent; missingDocuments: DocumentKind[] }
  | { ok: false; checked: CheckedDependent; documentProblems: Partial<Record<DocumentKind, DocumentProblem | "MISSING">>; keptDocuments: DocumentKind[] };

export const enrolmentReceivedSms = (relationship: Relationship, trackingCode: string, dueAt: Date | null) =>
  `درخواست نام‌نویسی ${RELATIONSHIP_LABELS[relationship]} شما با کد رهگیری ${formatTrackingCode(trackingCode)} ثبت شد.` +
  (dueAt ? ` نتیجه تا ${formatJalaliForDisplay(gregorianToJalali(dueAt))} اعلام می‌شود.` : "");

/**
 * Files a dependent-enrolment request. Everything is checked here, once, on
 * the server (registry, relationship, eligibility, the checklist): the form's
 * hidden fields of step A are not trusted, and the caller does not check
 * first. Then the request, its enrolment details, its documents and its first
 * event are saved in one transaction; the same form posted twice (same
 * submissionId) makes one request. Stored files of a refused or repeated
 * submission are deleted. `documents` is the list, or a collector called with
 * the checklist once the check passed (so nothing is stored for a refusal).
 * Throws AppError("REGISTRY_UNAVAILABLE") before anything is stored.
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
  applicant,
  input,
  documents: given,
  filedByStaffId = null,
  now = new Date(),
}: {
  db: Db;
  storage: FileStorage;
  applicant: Applicant;
  input: { dependentNationalId: string; dependentBirthDate: string; relationship: Relationship; declared: Declared; submissionId: string };
  documents: EnrolDocument[] | CollectDocuments;
  filedByStaffId?: string | null;
  now?: Date;
}): Promise<EnrolResult> {
  let documents: EnrolDocument[] = Array.isArray(given) ? given : [];
  // Documents sent ahead belong to the citizen account that sent them; a walk-in at a branch has none.
  const stagingAccount = () => {
    if (!applicant.citizenId) throw new Error("a document sent ahead for an applicant without an account");
    return applicant.citizenId;
  };
  const discardFiles = () =>
    Promise.all(
      documents.map(async (d) => {
        if (d.stagedToken) {
          // Still ours only if its row is still there: whoever deletes the row owns the file.
          const claimed = await db.pendingUpload.deleteMany({ where: { id: d.stagedToken, citizenId: stagingAccount(), storageKey: d.stored.key } });
          if (claimed.count !== 1) return;
        }
        await discardStoredFile(storage, d.stored.key);
      }),
    );

  const sameSubmission = async (): Promise<EnrolResult | null> => {
    const already = await db.request.findUnique({
      where: { submissionId: input.submissionId },
      select: { id: true, trackingCode: true, applicantNationalId: true },
    });
    if (!already) return null;
    await discardFiles();
    if (already.applicantNationalId !== applicant.nationalId) throw new AppError("CONFLICT");
    return { ok: true, requestId: already.id, trackingCode: already.trackingCode, created: false };
  };
  const repeated = await sameSubmission();
  if (repeated) return repeated;

  const check = await checkDependent({ db, applicant, ...input, now });
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
  const person = check.dependent;
  const checked: CheckedDependent = {
    firstName: person.firstName,
    lastName: person.lastName,
    fatherName: person.fatherName,
    duplicate: check.duplicate?.kind ?? null,
    checklist,
  };
  if (!Array.isArray(given)) {
    const collected = await given(checked);
    if (!collected.ok) {
      // Documents sent ahead are gone when a twin post of this same form filed them meanwhile: its request is the answer.
      const twin = await sameSubmission();
      if (twin) return twin;
      return { ok: false, checked, documentProblems: collected.problems, keptDocuments: collected.kept };
    }
    documents = collected.documents;
  }
  const provided = new Set(documents.map((d) => d.kind));
  const missing = checklist.filter((item) => item.required && !provided.has(item.kind)).map((item) => item.kind);
  if (missing.length > 0) {
    await discardFiles();
    return { ok: false, checked, missingDocuments: missing };
  }
  const staged = documents.filter((d) => d.stagedToken);

  try {
    const filed = await fileRequest({
      db,
      applicant,
      kind: "DEPENDENT_ENROLMENT",
      submissionId: input.submissionId,
      content: { subject: `نام‌نویسی ${RELATIONSHIP_LABELS[input.relationship]}: ${person.firstName} ${person.lastName}` },
      filedByStaffId,
      writeDetails: async (tx, created, applicant) => {
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
            where: { id: { in: staged.map((d) => d.stagedToken!) }, citizenId: stagingAccount() },
          });
          if (taken.count !== staged.length) throw new StagedUploadGone();
        }
        // Filing for someone at the branch is an act on their file: audited with it.
        if (filedByStaffId) {
          await recordAudit(
            tx,
            { staffId: filedByStaffId, action: "FILE_ON_BEHALF", subjectNationalId: applicant.nationalId, requestId: created.id, detail: RELATIONSHIP_LABELS[input.relationship] },
            now,
          );
        }
      },
      discard: discardFiles,
      receivedSms: (trackingCode, dueAt) => enrolmentReceivedSms(input.relationship, trackingCode, dueAt),
      now,
    });
    return { ok: true, ...filed };
  } catch (error) {
    // A document sent ahead was filed by another form meanwhile: it must be sent again.
    if (error instanceof StagedUploadGone || isUniqueViolation(error, "storageKey")) {
      const twin = await sameSubmission();
      if (twin) return twin;
      return { ok: false, checked, missingDocuments: [...new Set(staged.map((d) => d.kind))] };
    }
    throw error;
  }
}

class StagedUploadGone extends Error {}
