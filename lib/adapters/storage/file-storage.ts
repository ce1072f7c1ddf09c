import type { Readable } from "node:stream";

export type PutOptions = {
  /** Larger content is refused with AppError("INVALID_INPUT", "too large") and nothing is kept. */
  maxBytes?: number;
};

/**
 * Where uploaded documents (birth certificates, marriage certificates, medical
 * papers) are kept. Keys are chosen by the storage, never by the uploader, so a
 * key from a request can be checked against the storage's own format.
 * Unknown or malformed keys throw AppError("NOT_FOUND"); other failures throw
 * AppError("STORAGE_ERROR").
 */
export interface FileStorage {
  put(data: Buffer | Readable, options?: PutOptions): Promise<{ key: string; size: number }>;
  get(key: string): Promise<Readable>;
  /** Deleting a key that is already gone succeeds, so clean-up can be retried. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
}
