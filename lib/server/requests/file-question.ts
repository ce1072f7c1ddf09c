import "server-only";
import type { FileStorage } from "@/lib/adapters/storage/file-storage";
import type { TQuestion } from "@/lib/schemas/question";
import type { Db } from "@/lib/server/db/prisma";
import { discardStoredFile } from "@/lib/server/uploads/discard-stored-file";
import { formatJalaliForDisplay, gregorianToJalali } from "@/lib/utils/jalali";
import { formatTrackingCode } from "@/lib/utils/tracking-code";
import { citizenApplicant, type Applicant } from "./applicant";
import { fileRequest, type FiledRequest } from "./file-request";
import type { StoredDocument } from "./store-document";

export const questionReceivedSms = (trackingCode: string, dueAt: Date | null) =>
  `پرسش شما در سامانه خدمات غیرحضوری تأمین اجتماعی با کد رهگیری ${formatTrackingCode(trackingCode)} ثبت شد.` +
  (dueAt ? ` پاسخ تا ${formatJalaliForDisplay(gregorianToJalali(dueAt))} داده می‌شود.` : "");

/**
 * «پیگیری و پرسش»: a signed-in person files a question or complaint. The
 * request, its attachment and its first event are saved together; the same
 * form posted twice (same submissionId) makes one request.
 */
export async function fileQuestion({
  db,
  storage,
  citizenId,
  helper = null,
  question,
  attachment,
  now = new Date(),
}: {
  db: Db;
  storage: FileStorage;
  citizenId: string;
  /** A helper filing for the citizen under a mandate. */
  helper?: Applicant["helper"];
  question: TQuestion;
  attachment: StoredDocument | null;
  now?: Date;
}): Promise<FiledRequest> {
  return fileRequest({
    db,
    applicant: await citizenApplicant({ db, citizenId, helper }),
    kind: "QUESTION",
    domain: question.domain,
    submissionId: question.submissionId,
    content: { subject: question.subject, body: question.body },
    writeDetails: async (tx, request) => {
      if (!attachment) return;
      await tx.requestDocument.create({
        data: {
          requestId: request.id,
          kind: "ATTACHMENT",
          storageKey: attachment.key,
          fileName: attachment.fileName,
          mimeType: attachment.type.mime,
          sizeBytes: attachment.size,
          uploadedBy: "CITIZEN",
          uploadedAt: now,
        },
      });
    },
    discard: async () => {
      if (attachment) await discardStoredFile(storage, attachment.key);
    },
    receivedSms: questionReceivedSms,
    now,
  });
}
