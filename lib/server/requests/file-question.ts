import "server-only";
import type { FileStorage } from "@/lib/adapters/storage/file-storage";
import { AppError } from "@/lib/errors";
import type { TQuestion } from "@/lib/schemas/question";
import { getWorkCalendar } from "@/lib/server/calendar/get-work-calendar";
import type { Db } from "@/lib/server/db/prisma";
import { isUniqueViolation } from "@/lib/server/db/prisma-errors";
import { sendSms } from "@/lib/server/sms/send-sms";
import { formatJalaliForDisplay, gregorianToJalali } from "@/lib/utils/jalali";
import { formatTrackingCode } from "@/lib/utils/tracking-code";
import { createRequest, withTrackingCodeRetry } from "./create-request";
import { dueAtAfter } from "./deadline-rules";
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
  question,
  attachment,
  now = new Date(),
}: {
  db: Db;
  storage: FileStorage;
  citizenId: string;
  question: TQuestion;
  attachment: StoredDocument | null;
  now?: Date;
}): Promise<{ requestId: string; trackingCode: string; created: boolean }> {
  const citizen = await db.citizenAccount.findUnique({ where: { id: citizenId }, select: { nationalId: true, mobile: true } });
  if (!citizen) throw new AppError("NOT_FOUND");
  const insurance = await db.insuranceRecord.findUnique({ where: { nationalId: citizen.nationalId }, select: { branchId: true } });
  const calendar = await getWorkCalendar({ db, now });
  const events = [{ type: "SUBMITTED" as const, actorKind: "CITIZEN" as const, at: now }];
  const dueAt = dueAtAfter({ kind: "QUESTION", domain: question.domain, events, calendar });

  let request: { id: string; trackingCode: string };
  try {
    request = await withTrackingCodeRetry(() =>
      db.$transaction(async (tx) => {
        const created = await createRequest(tx, {
          kind: "QUESTION",
          applicantNationalId: citizen.nationalId,
          citizenId,
          branchId: insurance?.branchId ?? null,
          events,
          dueAt,
          content: { domain: question.domain, subject: question.subject, body: question.body },
          submissionId: question.submissionId,
          now,
        });
        if (attachment) {
          await tx.requestDocument.create({
            data: {
              requestId: created.id,
              kind: "ATTACHMENT",
              storageKey: attachment.key,
              fileName: attachment.fileName,
              mimeType: attachment.type.mime,
              sizeBytes: attachment.size,
              uploadedBy: "CITIZEN",
              uploadedAt: now,
            },
          });
        }
        return created;
      }),
    );
  } catch (error) {
    if (attachment) await storage.delete(attachment.key).catch(() => undefined);
    if (isUniqueViolation(error, "submissionId")) {
      const existing = await db.request.findUnique({
        where: { submissionId: question.submissionId },
        select: { id: true, trackingCode: true, citizenId: true },
      });
      if (existing && existing.citizenId === citizenId) return { requestId: existing.id, trackingCode: existing.trackingCode, created: false };
    }
    throw error;
  }
  await sendSms({ db, to: citizen.mobile, citizenId, body: questionReceivedSms(request.trackingCode, dueAt) }).catch(() => undefined);
  return { requestId: request.id, trackingCode: request.trackingCode, created: true };
}
