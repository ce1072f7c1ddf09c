import "server-only";
import type { FileStorage } from "@/lib/adapters/storage/file-storage";
import type { Db } from "@/lib/server/db/prisma";
import { getLogger } from "@/lib/server/observability/logger";
import { cleanUpStorage, type StorageCleanUp } from "@/lib/server/uploads/clean-up-storage";

/**
 * The nightly sweep of the document store (docs/decisions/017, "Scheduled
 * jobs"): the storage clean-up of `npm start` and `npm run storage:clean-up`
 * (expired documents sent ahead, files no request or staged upload refers to
 * once they are an hour old, half-written uploads). Nightly rather than hourly
 * because it lists every stored file. A file a request owns is never deleted.
 * Logs one line with the counts.
 */
export async function sweepDocumentStore({ db, storage, now = new Date() }: { db: Db; storage: FileStorage; now?: Date }): Promise<StorageCleanUp> {
  const started = Date.now();
  const result = await cleanUpStorage({ db, storage, now });
  getLogger().info({ job: "storage-sweep", deleted: { expiredUploads: result.expiredUploads, orphans: result.orphans, incomplete: result.incomplete }, kept: result.kept, durationMs: Date.now() - started }, "Storage sweep");
  return result;
}
