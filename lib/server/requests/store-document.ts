import "server-only";
import type { FileStorage } from "@/lib/adapters/storage/file-storage";
import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/server/db/prisma";
import { takeUploadQuota, type Uploader } from "@/lib/server/uploads/upload-quota";
import { isWellFormedDocument, SNIFF_BYTES, sniffDocumentType, type DocumentType } from "@/lib/utils/file-sniff";
import { inspectPdf } from "@/lib/utils/pdf-active-content";

export type StoredDocument = { key: string; size: number; type: DocumentType; fileName: string };

export type DocumentProblem = "EMPTY" | "TOO_LARGE" | "WRONG_TYPE" | "DAMAGED" | "ACTIVE_CONTENT" | "BAD_NAME" | "QUOTA";

export const MAX_FILE_NAME_LENGTH = 200;
// Control characters, path separators and characters no file system accepts.
const ODD_NAME = /[\u0000-\u001f\u007f<>:"/\\|?*]/;

/**
 * Checks an uploaded file by its content and size, then stores it under a
 * random name. Returns the problem instead of storing when it is not acceptable.
 * With `quota`, the file first counts against its uploader's hourly quota.
 */
export async function storeDocument({
  storage,
  file,
  maxBytes,
  quota,
}: {
  storage: FileStorage;
  file: File;
  maxBytes: number;
  quota?: { db: Db; uploader: Uploader; now?: Date };
}): Promise<{ ok: true; document: StoredDocument } | { ok: false; problem: DocumentProblem }> {
  if (file.size === 0) return { ok: false, problem: "EMPTY" };
  if (file.size > maxBytes) return { ok: false, problem: "TOO_LARGE" };
  if (quota && !(await takeUploadQuota({ ...quota, bytes: file.size })).ok) return { ok: false, problem: "QUOTA" };
  if (Array.from(file.name).length > MAX_FILE_NAME_LENGTH || ODD_NAME.test(file.name)) return { ok: false, problem: "BAD_NAME" };
  const type = sniffDocumentType(new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer()));
  if (!type) return { ok: false, problem: "WRONG_TYPE" };
  // At most 5 MB, already in memory: the whole file is checked before anything is written.
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.length > maxBytes) return { ok: false, problem: "TOO_LARGE" };
  if (!isWellFormedDocument(bytes, type)) return { ok: false, problem: "DAMAGED" };
  // Scripts, launch actions, embedded files, markup, or what cannot be read (encrypted).
  if (type.mime === "application/pdf" && !inspectPdf(bytes).ok) return { ok: false, problem: "ACTIVE_CONTENT" };
  try {
    const { key, size } = await storage.put(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { maxBytes });
    return { ok: true, document: { key, size, type, fileName: safeFileName(file.name, type.extension) } };
  } catch (error) {
    if (error instanceof AppError && error.code === "INVALID_INPUT") return { ok: false, problem: "TOO_LARGE" };
    throw error;
  }
}

// Marks and overrides that change the direction text is drawn in: with them
// «taahod\u202Efdp.pdf» shows as «taahodpdf.pdf», a name that lies about its type.
// ZWNJ (U+200C) is not one of them: Persian spelling needs it.
export const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** The name shown back to people: no path, no control or direction characters, the real extension. */
export function safeFileName(raw: string, extension: string): string {
  const base = (raw.split(/[\\/]/).pop() ?? "")
    // C0, DEL and the C1 controls (U+0080-U+009F, e.g. CSI): all control characters.
    .replace(/[\u0000-\u001f\u007f-\u009f"<>|:*?]/g, "")
    .replace(BIDI_CONTROLS, "")
    .replace(/\.[^.]*$/, "")
    .trim();
  // 150 characters, not UTF-16 units: cutting an emoji in half leaves a lone
  // surrogate, on which encodeURIComponent (Content-Disposition) throws.
  return `${Array.from(base).slice(0, 150).join("") || "document"}.${extension}`;
}
