import "server-only";
import { isUuid } from "@/lib/utils/uuid";
import type { Readable } from "node:stream";
import type { FileStorage } from "@/lib/adapters/storage/file-storage";
import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/server/db/prisma";


/** A document of one of the person's own requests, as a stream; anything else is NOT_FOUND. */
export async function getMyDocument({
  db,
  storage,
  citizenId,
  requestId,
  documentId,
}: {
  db: Db;
  storage: FileStorage;
  citizenId: string;
  requestId: string;
  documentId: string;
}): Promise<{ stream: Readable; fileName: string; mimeType: string; sizeBytes: number }> {
  if (!isUuid(requestId) || !isUuid(documentId)) throw new AppError("NOT_FOUND");
  const document = await db.requestDocument.findFirst({
    where: { id: documentId, requestId, request: { citizenId } },
    select: { storageKey: true, fileName: true, mimeType: true, sizeBytes: true },
  });
  if (!document) throw new AppError("NOT_FOUND");
  return { stream: await storage.get(document.storageKey), fileName: document.fileName, mimeType: document.mimeType, sizeBytes: document.sizeBytes };
}
