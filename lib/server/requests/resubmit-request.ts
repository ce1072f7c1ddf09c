import "server-only";
import type { FileStorage } from "@/lib/adapters/storage/file-storage";
import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/server/db/prisma";
import { addRequestEvent } from "./add-request-event";
import { REQUEST_KINDS } from "@/lib/domain/request-kinds";
import type { MandateScope } from "@/lib/domain/mandates";
import { recordMandateUse } from "@/lib/server/mandates/record-mandate-use";
import type { StoredDocument } from "./store-document";
import { discardStoredFile } from "@/lib/server/uploads/discard-stored-file";

/**
 * The applicant answers a "return for more documents": the new documents and
 * the RESUBMITTED event are saved together, and the deadline clock runs again.
 * Only the owner, only while the request is returned (else NOT_FOUND / CONFLICT).
 */
export async function resubmitRequest({
  db,
  storage,
  citizenId,
  helper = null,
  requestId,
  documents,
  note,
  now = new Date(),
}: {
  db: Db;
  storage: FileStorage;
  citizenId: string;
  /** A helper answering for the applicant under a mandate. */
  helper?: { citizenId: string; mandateId: string; scopes: MandateScope[] } | null;
  requestId: string;
  documents: { kind: string; stored: StoredDocument }[];
  note?: string | null;
  now?: Date;
}) {
  const discardFiles = () => Promise.all(documents.map((d) => discardStoredFile(storage, d.stored.key)));
  const request = await db.request.findFirst({ where: { id: requestId, citizenId }, select: { status: true, kind: true } });
  if (!request) {
    await discardFiles();
    throw new AppError("NOT_FOUND");
  }
  const scope: MandateScope | null = REQUEST_KINDS[request.kind].helperScope;
  if (helper && (!scope || !helper.scopes.includes(scope))) {
    await discardFiles();
    throw new AppError("FORBIDDEN", "the mandate does not cover this kind of request");
  }
  try {
    return await addRequestEvent({
      db,
      requestId,
      expectedStatus: "RETURNED",
      event: {
        type: "RESUBMITTED",
        actorKind: "CITIZEN",
        actorCitizenId: helper?.citizenId ?? null,
        mandateId: helper?.mandateId ?? null,
        note: note || null,
      },
      now,
      alsoWrite: async (tx) => {
        await recordMandateUse(tx, helper, "RESUBMIT", requestId);
        if (documents.length === 0) return;
        await tx.requestDocument.createMany({
          data: documents.map((d) => ({
            requestId,
            kind: d.kind,
            storageKey: d.stored.key,
            fileName: d.stored.fileName,
            mimeType: d.stored.type.mime,
            sizeBytes: d.stored.size,
            uploadedBy: "CITIZEN" as const,
            uploadedAt: now,
          })),
        });
      },
    });
  } catch (error) {
    await discardFiles();
    throw error;
  }
}
