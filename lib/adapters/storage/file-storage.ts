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
  /** Resolves when the store can be written to (readiness check); throws AppError("STORAGE_ERROR") otherwise. */
  check(): Promise<void>;
  /**
   * Every stored file with when it was last written, in no particular order, so
   * files that no record refers to (a crash between storing a file and saving
   * its row) can be found and deleted. Uploads still being written are not listed.
   */
  list(): AsyncIterable<StoredFileInfo>;
  /**
   * Deletes the leftovers of uploads that never completed (the process died
   * while writing them) last written before `olderThan`; returns how many.
   * Newer ones may still be in progress and are kept.
   */
  removeIncomplete(options: { olderThan: Date }): Promise<number>;
}

export type StoredFileInfo = { key: string; modifiedAt: Date };
