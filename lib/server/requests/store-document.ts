import "server-only";
import { Readable } from "node:stream";
import type { ReadableStream as NodeWebReadableStream } from "node:stream/web";
import type { FileStorage } from "@/lib/adapters/storage/file-storage";
import { AppError } from "@/lib/errors";
import { SNIFF_BYTES, sniffDocumentType, type DocumentType } from "@/lib/utils/file-sniff";

export type StoredDocument = { key: string; size: number; type: DocumentType; fileName: string };

export type DocumentProblem = "EMPTY" | "TOO_LARGE" | "WRONG_TYPE";

/**
 * Checks an uploaded file by its content and size, then stores it under a
 * random name. Returns the problem instead of storing when it is not acceptable.
 */
export async function storeDocument({
  storage,
  file,
  maxBytes,
}: {
  storage: FileStorage;
  file: File;
  maxBytes: number;
}): Promise<{ ok: true; document: StoredDocument } | { ok: false; problem: DocumentProblem }> {
  if (file.size === 0) return { ok: false, problem: "EMPTY" };
  if (file.size > maxBytes) return { ok: false, problem: "TOO_LARGE" };
  const type = sniffDocumentType(new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer()));
  if (!type) return { ok: false, problem: "WRONG_TYPE" };
  try {
    const stream = Readable.fromWeb(file.stream() as unknown as NodeWebReadableStream<Uint8Array>);
    const { key, size } = await storage.put(stream, { maxBytes });
    return { ok: true, document: { key, size, type, fileName: safeFileName(file.name, type.extension) } };
  } catch (error) {
    if (error instanceof AppError && error.code === "INVALID_INPUT") return { ok: false, problem: "TOO_LARGE" };
    throw error;
  }
}

/** The name shown back to people: no path, no control characters, the real extension. */
export function safeFileName(raw: string, extension: string): string {
  const base = (raw.split(/[\\/]/).pop() ?? "")
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, "")
    .replace(/\.[^.]*$/, "")
    .trim()
    .slice(0, 150);
  return `${base || "document"}.${extension}`;
}
