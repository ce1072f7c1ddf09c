import "server-only";
import type { FileStorage } from "@/lib/adapters/storage/file-storage";
import type { Db } from "@/lib/server/db/prisma";
import { removeOrphanFiles } from "./remove-orphan-files";
import { pruneStagedUploads } from "./staged-uploads";

export type StorageCleanUp = { expiredUploads: number; orphans: number; incomplete: number; kept: number };

/**
 * The storage housekeeping, on either storage: documents sent ahead of a form
 * that never came (their time is up), then stored files that no record refers
 * to and uploads that never completed (what a crash leaves behind). Safe to run
 * on several servers at once: rows are claimed by deleting them, and a file is
 * only an orphan an hour after it was written. Called by `npm start`, by the
 * operator command `npm run storage:clean-up` (`node portal-server.mjs
 * storage-clean-up` in the image), and nightly by the scheduled
 * storage sweep (lib/server/retention/sweep-document-store.ts).
 */
export async function cleanUpStorage({ db, storage, now = new Date() }: { db: Db; storage: FileStorage; now?: Date }): Promise<StorageCleanUp> {
  const expiredUploads = await removeExpiredUploads({ db, storage, now });
  const { orphans, incomplete, kept } = await removeOrphanFiles({ db, storage, now });
  return { expiredUploads, orphans, incomplete, kept };
}

/**
 * Every document sent ahead whose time is up, with its file unless a request
 * owns it (pruneStagedUploads), in batches. The hourly retention job runs this
 * part alone; listing the whole store for orphans is the nightly sweep's.
 */
export async function removeExpiredUploads({ db, storage, now = new Date() }: { db: Db; storage: FileStorage; now?: Date }): Promise<number> {
  let removed = 0;
  for (;;) {
    const pruned = await pruneStagedUploads({ db, storage, now, limit: 1_000 });
    removed += pruned;
    if (pruned < 1_000) return removed;
  }
}

export const describeCleanUp = (result: StorageCleanUp) =>
  `Storage clean-up: ${result.expiredUploads} expired document(s) sent ahead of a form that never came, ${result.orphans} stored file(s) no request refers to, ${result.incomplete} incomplete upload(s) removed; ${result.kept} file(s) kept.`;
