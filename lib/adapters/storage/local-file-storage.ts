import "server-only";
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { AppError } from "@/lib/errors";
import type { FileStorage, PutOptions, StoredFileInfo } from "./file-storage";

import { isStorageKey, newStorageKey } from "./storage-keys";

const SHARD_PATTERN = /^[0-9a-f]{2}$/;
const TEMPORARY_PATTERN = /^\.[0-9a-f]{32}\.[0-9a-f]{8}\.tmp$/;

/**
 * Files on the local disk under `root`, as `root/ab/ab12…` (two-character shards
 * keep any one directory small). Content is written to a dot-named temporary
 * file, synced, then renamed, so a crash or an aborted upload never leaves a
 * partial file under a real key.
 */
export class LocalFileStorage implements FileStorage {
  private readonly root: string;

  constructor(options: { root: string }) {
    this.root = path.resolve(options.root);
  }

  async put(data: Buffer | Readable, options: PutOptions = {}): Promise<{ key: string; size: number }> {
    const maxBytes = options.maxBytes ?? Number.POSITIVE_INFINITY;
    if (!(maxBytes >= 0)) throw new RangeError("maxBytes must be zero or more");
    if (Buffer.isBuffer(data) && data.length > maxBytes) throw tooLarge();

    const key = newStorageKey();
    const finalPath = this.pathOf(key);
    const tempPath = path.join(path.dirname(finalPath), `.${key}.${crypto.randomBytes(4).toString("hex")}.tmp`);
    let handle: fs.FileHandle | undefined;
    try {
      await fs.mkdir(path.dirname(finalPath), { recursive: true });
      handle = await fs.open(tempPath, "wx");
      const size = Buffer.isBuffer(data) ? await writeFully(handle, data) : await writeStream(handle, data, maxBytes);
      await handle.sync();
      await handle.close();
      handle = undefined;
      await fs.rename(tempPath, finalPath);
      return { key, size };
    } catch (error) {
      // Tidying after a failed write: the write's own error is the one to report,
      // and a temporary file left behind is never read (only renamed files are).
      await handle?.close().catch(() => undefined);
      await fs.rm(tempPath, { force: true }).catch(() => undefined);
      // Stop an upload we can no longer store instead of leaving the sender waiting.
      if (data instanceof Readable) data.destroy();
      if (error instanceof AppError) throw error;
      throw new AppError("STORAGE_ERROR", "could not store the file", { cause: error });
    }
  }

  async get(key: string): Promise<Readable> {
    const filePath = this.existingPathOf(key);
    try {
      // Opening first turns a missing file into NOT_FOUND here, not into a stream error later.
      const handle = await fs.open(filePath, "r");
      return handle.createReadStream();
    } catch (error) {
      throw fileError(error);
    }
  }

  async delete(key: string): Promise<void> {
    const filePath = this.existingPathOf(key);
    try {
      await fs.rm(filePath, { force: true });
    } catch (error) {
      throw fileError(error);
    }
  }

  async exists(key: string): Promise<boolean> {
    if (!isStorageKey(key)) return false;
    try {
      return (await fs.stat(this.pathOf(key))).isFile();
    } catch (error) {
      if (isMissing(error)) return false;
      throw fileError(error);
    }
  }

  async check(): Promise<void> {
    try {
      await fs.mkdir(this.root, { recursive: true });
      await fs.access(this.root, fs.constants.W_OK);
    } catch (error) {
      throw new AppError("STORAGE_ERROR", "the storage folder is not writable", { cause: error });
    }
  }

  async *list(): AsyncIterable<StoredFileInfo> {
    for (const { name, filePath } of await this.entries()) {
      if (!isStorageKey(name)) continue;
      const modifiedAt = await modifiedTime(filePath);
      if (modifiedAt) yield { key: name, modifiedAt };
    }
  }

  async removeIncomplete({ olderThan }: { olderThan: Date }): Promise<number> {
    let removed = 0;
    for (const { name, filePath } of await this.entries()) {
      if (!TEMPORARY_PATTERN.test(name)) continue;
      const modifiedAt = await modifiedTime(filePath);
      if (!modifiedAt || modifiedAt >= olderThan) continue;
      await fs.rm(filePath, { force: true }).catch((error: unknown) => {
        throw fileError(error);
      });
      removed++;
    }
    return removed;
  }

  /** Files in the shard folders; anything else under the root is not ours and is left alone. */
  private async entries(): Promise<{ name: string; filePath: string }[]> {
    const shards = await readDirectory(this.root);
    const found: { name: string; filePath: string }[] = [];
    for (const shard of shards) {
      if (!SHARD_PATTERN.test(shard)) continue;
      for (const name of await readDirectory(path.join(this.root, shard))) {
        if (name.startsWith(shard) || name.startsWith(`.${shard}`)) found.push({ name, filePath: path.join(this.root, shard, name) });
      }
    }
    return found;
  }

  /** Only keys this storage could have issued map to a path: no traversal, no absolute paths. */
  private existingPathOf(key: string): string {
    if (!isStorageKey(key)) throw new AppError("NOT_FOUND", "no such file");
    return this.pathOf(key);
  }

  private pathOf(key: string): string {
    return path.join(this.root, key.slice(0, 2), key);
  }
}

function tooLarge() {
  return new AppError("INVALID_INPUT", "too large");
}

async function writeFully(handle: fs.FileHandle, chunk: Uint8Array): Promise<number> {
  let offset = 0;
  while (offset < chunk.length) {
    const { bytesWritten } = await handle.write(chunk, offset, chunk.length - offset);
    offset += bytesWritten;
  }
  return chunk.length;
}

// Counting as we go refuses an oversized upload after maxBytes, without first
// receiving the rest of it; leaving the loop early destroys the source.
async function writeStream(handle: fs.FileHandle, source: Readable, maxBytes: number): Promise<number> {
  let size = 0;
  for await (const chunk of source as AsyncIterable<unknown>) {
    const bytes = toBytes(chunk);
    size += bytes.length;
    if (size > maxBytes) throw tooLarge();
    await writeFully(handle, bytes);
  }
  return size;
}

function toBytes(chunk: unknown): Uint8Array {
  if (chunk instanceof Uint8Array) return chunk;
  if (typeof chunk === "string") return Buffer.from(chunk, "utf8");
  throw new TypeError("the stream must yield bytes or strings");
}

async function readDirectory(dir: string): Promise<string[]> {
  try {
    return await fs.readdir(dir);
  } catch (error) {
    if (isMissing(error)) return [];
    throw fileError(error);
  }
}

/** null when the file went away meanwhile (deleted by another request). */
async function modifiedTime(filePath: string): Promise<Date | null> {
  try {
    const stat = await fs.stat(filePath);
    return stat.isFile() ? stat.mtime : null;
  } catch (error) {
    if (isMissing(error)) return null;
    throw fileError(error);
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === "ENOENT" || code === "ENOTDIR";
}

function fileError(error: unknown): AppError {
  if (isMissing(error)) return new AppError("NOT_FOUND", "no such file");
  return new AppError("STORAGE_ERROR", "file storage failed", { cause: error });
}
