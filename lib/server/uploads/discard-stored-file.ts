import "server-only";
import type { FileStorage } from "@/lib/adapters/storage/file-storage";
import { logDroppedError } from "@/lib/server/observability/log-dropped-error";

/**
 * Deletes a stored file that no request will refer to (a refused or repeated
 * form's upload). A failed delete is logged and dropped: the person's answer
 * must not change because of it, and the storage clean-up (`npm start`,
 * `npm run storage:clean-up`) removes any file no request refers to once it is
 * an hour old.
 */
export async function discardStoredFile(storage: FileStorage, key: string): Promise<void> {
  await storage.delete(key).catch(logDroppedError(`delete stored file ${key}`));
}
