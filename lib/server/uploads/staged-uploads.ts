import "server-only";
import type { FileStorage } from "@/lib/adapters/storage/file-storage";
import { MAX_DOCUMENT_BYTES } from "@/lib/schemas/question";
import type { Db } from "@/lib/server/db/prisma";
import { storeDocument, type DocumentProblem, type StoredDocument } from "@/lib/server/requests/store-document";
import { hasRoomToStage } from "./upload-quota";
import type { DocumentType } from "@/lib/utils/file-sniff";
import { isUuid } from "@/lib/utils/uuid";
import { discardStoredFile } from "./discard-stored-file";

const TYPE_OF_MIME: Record<string, DocumentType> = {
  "application/pdf": { mime: "application/pdf", extension: "pdf" },
  "image/jpeg": { mime: "image/jpeg", extension: "jpg" },
  "image/png": { mime: "image/png", extension: "png" },
};

/** How long a document sent ahead may wait for its form. */
export const STAGED_UPLOAD_TTL_MS = 2 * 60 * 60_000;

/**
 * Checks and stores one document sent ahead of its form (the browser shows the
 * upload's progress), and gives back the token the form carries instead of
 * the file. The same checks as a file in the form: content, size, structure.
 */
export async function stageUpload({
  db,
  storage,
  citizenId,
  file,
  now = new Date(),
}: {
  db: Db;
  storage: FileStorage;
  citizenId: string;
  file: File;
  now?: Date;
}): Promise<{ ok: true; token: string; fileName: string; size: number } | { ok: false; problem: DocumentProblem }> {
  await pruneStagedUploads({ db, storage, now });
  if (!(await hasRoomToStage({ db, citizenId, now }))) return { ok: false, problem: "QUOTA" };
  const result = await storeDocument({ storage, file, maxBytes: MAX_DOCUMENT_BYTES, quota: { db, uploader: { kind: "citizen", id: citizenId }, now } });
  if (!result.ok) return result;
  const { document } = result;
  try {
    const row = await db.pendingUpload.create({
      data: {
        citizenId,
        storageKey: document.key,
        fileName: document.fileName,
        mimeType: document.type.mime,
        sizeBytes: document.size,
        createdAt: now,
        expiresAt: new Date(now.getTime() + STAGED_UPLOAD_TTL_MS),
      },
      select: { id: true },
    });
    return { ok: true, token: row.id, fileName: document.fileName, size: document.size };
  } catch (error) {
    await discardStoredFile(storage, document.key);
    throw error;
  }
}

/**
 * The stored document behind a token, if it is this citizen's and has not
 * expired; null otherwise (the form then asks for the file again).
 */
export async function findStagedUpload({
  db,
  citizenId,
  token,
  now = new Date(),
}: {
  db: Db;
  citizenId: string;
  token: string;
  now?: Date;
}): Promise<StoredDocument | null> {
  if (!isUuid(token)) return null;
  const row = await db.pendingUpload.findFirst({
    where: { id: token, citizenId, expiresAt: { gt: now } },
    select: { storageKey: true, fileName: true, mimeType: true, sizeBytes: true },
  });
  if (!row) return null;
  const type = TYPE_OF_MIME[row.mimeType];
  if (!type) return null;
  return { key: row.storageKey, size: row.sizeBytes, type, fileName: row.fileName };
}

/**
 * Expired staged uploads: the rows are removed, and their files too unless a
 * request owns the file (rows written before filing took them in its own
 * transaction). Runs before each new upload and at start-up.
 *
 * Rows are claimed by deleting them (DELETE ... RETURNING): a form filing the
 * same token at this moment deletes the row in its transaction, so exactly one
 * of the two gets it, and a pruner never deletes a file that was just filed.
 */
export async function pruneStagedUploads({ db, storage, now = new Date(), limit = 100 }: { db: Db; storage: FileStorage; now?: Date; limit?: number }) {
  const claimed = await db.$queryRaw<{ storageKey: string }[]>`
    DELETE FROM "PendingUpload"
    WHERE id IN (SELECT id FROM "PendingUpload" WHERE "expiresAt" <= ${now} LIMIT ${limit})
    RETURNING "storageKey"`;
  if (claimed.length === 0) return 0;
  const owned = await db.requestDocument.findMany({ where: { storageKey: { in: claimed.map((e) => e.storageKey) } }, select: { storageKey: true } });
  const keep = new Set(owned.map((o) => o.storageKey));
  await Promise.all(claimed.filter((e) => !keep.has(e.storageKey)).map((e) => discardStoredFile(storage, e.storageKey)));
  return claimed.length;
}
