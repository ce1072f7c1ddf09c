import "server-only";
import type { Readable } from "node:stream";
import type { FileStorage } from "@/lib/adapters/storage/file-storage";
import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/server/db/prisma";
import { isUuid } from "@/lib/utils/uuid";
import { recordAudit } from "./record-audit";
import { canSeeRequest, type StaffActor } from "./staff-access";

/**
 * A document of a request of the officer's branch, as a stream; the view is
 * written to the audit log. Anything else is NOT_FOUND.
 */
export async function getDocumentForReview({
  db,
  storage,
  staff,
  requestId,
  documentId,
  now = new Date(),
}: {
  db: Db;
  storage: FileStorage;
  staff: StaffActor;
  requestId: string;
  documentId: string;
  now?: Date;
}): Promise<{ stream: Readable; fileName: string; mimeType: string; sizeBytes: number }> {
  if (!isUuid(requestId) || !isUuid(documentId)) throw new AppError("NOT_FOUND");
  const document = await db.requestDocument.findFirst({
    where: { id: documentId, requestId },
    select: { storageKey: true, fileName: true, mimeType: true, sizeBytes: true, request: { select: { branchId: true, applicantNationalId: true } } },
  });
  if (!document || !canSeeRequest(staff, document.request)) throw new AppError("NOT_FOUND");
  const stream = await storage.get(document.storageKey);
  await recordAudit(
    db,
    { staffId: staff.accountId, action: "VIEW_DOCUMENT", subjectNationalId: document.request.applicantNationalId, requestId, documentId, detail: document.fileName },
    now,
  );
  return { stream, fileName: document.fileName, mimeType: document.mimeType, sizeBytes: document.sizeBytes };
}
