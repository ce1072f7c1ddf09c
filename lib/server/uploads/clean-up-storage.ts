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
 * operator command `npm run storage:clean-up`, and meant for a scheduled job.
 */
export async function cleanUpStorage({ db, storage, now = new Date() }: { db: Db; storage: FileStorage; now?: Date }): Promise<StorageCleanUp> {
  let expiredUploads = 0;
  for (;;) {
    const pruned = await pruneStagedUploads({ db, storage, now, limit: 1_000 });
    expiredUploads += pruned;
    if (pruned < 1_000) break;
  }
  const { orphans, incomplete, kept } = await removeOrphanFiles({ db, storage, now });
  return { expiredUploads, orphans, incomplete, kept };
}

export const describeCleanUp = (result: StorageCleanUp) =>
  `Storage clean-up: ${result.expiredUploads} expired document(s) sent ahead of a form that never came, ${result.orphans} stored file(s) no request refers to, ${result.incomplete} incomplete upload(s) removed; ${result.kept} file(s) kept.`;
