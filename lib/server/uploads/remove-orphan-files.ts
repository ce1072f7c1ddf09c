import "server-only";
import type { FileStorage, StoredFileInfo } from "@/lib/adapters/storage/file-storage";
import type { Db } from "@/lib/server/db/prisma";

/**
 * How old an unreferenced file must be before it is an orphan. A form stores
 * its files, then saves their rows: during that moment (and while a slow
 * upload is still being written) a file has no row yet. No upload or filing
 * takes an hour; a document sent ahead has its row as soon as it is stored.
 */
export const ORPHAN_GRACE_MS = 60 * 60_000;

const BATCH = 500;

/**
 * Deletes stored files that no request document and no document sent ahead
 * refers to, and the leftovers of uploads that never completed, when they are
 * older than the grace period. Such files are what a crash leaves behind
 * (killed between storing a file and committing its request, or in the middle
 * of writing it). Runs at start-up (scripts/db-setup.ts).
 */
export async function removeOrphanFiles({
  db,
  storage,
  now = new Date(),
  graceMs = ORPHAN_GRACE_MS,
}: {
  db: Db;
  storage: FileStorage;
  now?: Date;
  graceMs?: number;
}): Promise<{ orphans: number; incomplete: number; kept: number }> {
  const olderThan = new Date(now.getTime() - graceMs);
  const incomplete = await storage.removeIncomplete({ olderThan });
  let orphans = 0;
  let kept = 0;
  let batch: StoredFileInfo[] = [];
  const flush = async () => {
    const keys = batch.map((file) => file.key);
    batch = [];
    const [documents, staged] = await Promise.all([
      db.requestDocument.findMany({ where: { storageKey: { in: keys } }, select: { storageKey: true } }),
      db.pendingUpload.findMany({ where: { storageKey: { in: keys } }, select: { storageKey: true } }),
    ]);
    const referenced = new Set([...documents, ...staged].map((row) => row.storageKey));
    for (const key of keys) {
      if (referenced.has(key)) {
        kept++;
        continue;
      }
      await storage.delete(key);
      orphans++;
    }
  };
  for await (const file of storage.list()) {
    if (file.modifiedAt >= olderThan) {
      kept++;
      continue;
    }
    batch.push(file);
    if (batch.length >= BATCH) await flush();
  }
  if (batch.length > 0) await flush();
  return { orphans, incomplete, kept };
}
