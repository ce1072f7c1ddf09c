// The storage contract: what the rest of the portal relies on from any
// FileStorage. One suite, run against every implementation
// (local-file-storage.test.ts, s3-file-storage.test.ts).
import { PassThrough, Readable } from "node:stream";
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FileStorage } from "@/lib/adapters/storage/file-storage";
import { AppError, type AppErrorCode } from "@/lib/errors";

export type StorageUnderTest = { storage: FileStorage; cleanup(): Promise<void> };

export async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function errorCode(promise: Promise<unknown>): Promise<AppErrorCode> {
  const error = await promise.then(
    () => {
      throw new Error("expected an AppError");
    },
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).code;
}

export async function listedKeys(storage: FileStorage): Promise<string[]> {
  const keys: string[] = [];
  for await (const file of storage.list()) keys.push(file.key);
  return keys.sort();
}

export function describeFileStorageContract(name: string, make: () => Promise<StorageUnderTest>) {
  describe(`FileStorage contract: ${name}`, () => {
    let subject: StorageUnderTest;
    let storage: FileStorage;
    beforeEach(async () => {
      subject = await make();
      storage = subject.storage;
    });
    afterEach(async () => {
      await subject.cleanup();
    });

    it("stores a buffer under a random key that says nothing about it, and reads it back", async () => {
      const content = Buffer.from("%PDF-1.7 birth certificate");
      const { key, size } = await storage.put(content);
      expect(key).toMatch(/^[0-9a-f]{32}$/);
      expect(size).toBe(content.length);
      expect(await readAll(await storage.get(key))).toEqual(content);
      expect(await storage.exists(key)).toBe(true);
      expect(await listedKeys(storage)).toEqual([key]);
    });

    it("gives every upload its own key", async () => {
      const keys = await Promise.all(Array.from({ length: 12 }, () => storage.put(Buffer.from("same"))));
      expect(new Set(keys.map((k) => k.key)).size).toBe(12);
    });

    it("stores a stream, counting its size", async () => {
      const chunks = [Buffer.alloc(70_000, 1), Buffer.alloc(70_000, 2), "tail"];
      const { key, size } = await storage.put(Readable.from(chunks), { maxBytes: 200_000 });
      expect(size).toBe(140_004);
      const stored = await readAll(await storage.get(key));
      expect(stored.length).toBe(140_004);
      expect(stored.subarray(-4).toString()).toBe("tail");
    });

    it("accepts content of exactly maxBytes and an empty file", async () => {
      expect((await storage.put(Buffer.alloc(10), { maxBytes: 10 })).size).toBe(10);
      expect((await storage.put(Readable.from([Buffer.alloc(10)]), { maxBytes: 10 })).size).toBe(10);
      const empty = await storage.put(Buffer.alloc(0));
      expect(await readAll(await storage.get(empty.key))).toEqual(Buffer.alloc(0));
    });

    it("refuses a buffer over maxBytes and keeps nothing", async () => {
      const error = await storage.put(Buffer.alloc(11), { maxBytes: 10 }).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: "INVALID_INPUT", message: "too large" });
      expect(await listedKeys(storage)).toEqual([]);
    });

    it("stops reading a stream once it passes maxBytes and keeps nothing", async () => {
      let produced = 0;
      const endless = new Readable({
        read() {
          produced += 16_384;
          this.push(Buffer.alloc(16_384));
        },
      });
      const error = await storage.put(endless, { maxBytes: 100_000 }).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ code: "INVALID_INPUT", message: "too large" });
      expect(endless.destroyed).toBe(true);
      expect(produced).toBeLessThan(1_000_000);
      expect(await listedKeys(storage)).toEqual([]);
    });

    it("reports STORAGE_ERROR and keeps nothing when the source stream fails", async () => {
      const upload = new PassThrough();
      const pending = storage.put(upload);
      upload.write(Buffer.from("partial"));
      setTimeout(() => upload.destroy(new Error("client went away")), 20);
      expect(await errorCode(pending)).toBe("STORAGE_ERROR");
      expect(await listedKeys(storage)).toEqual([]);
    });

    it("deletes a file; deleting it again is not an error", async () => {
      const { key } = await storage.put(Buffer.from("x"));
      await storage.delete(key);
      expect(await storage.exists(key)).toBe(false);
      expect(await errorCode(storage.get(key))).toBe("NOT_FOUND");
      await expect(storage.delete(key)).resolves.toBeUndefined();
      expect(await listedKeys(storage)).toEqual([]);
    });

    it("reports NOT_FOUND for a well-formed key that was never stored", async () => {
      const key = "0123456789abcdef0123456789abcdef";
      expect(await storage.exists(key)).toBe(false);
      expect(await errorCode(storage.get(key))).toBe("NOT_FOUND");
    });

    it("lists stored files with when they were written", async () => {
      const first = await storage.put(Buffer.from("a"));
      const second = await storage.put(Readable.from([Buffer.from("b")]));
      const listed: { key: string; modifiedAt: Date }[] = [];
      for await (const file of storage.list()) listed.push(file);
      expect(listed.map((file) => file.key).sort()).toEqual([first.key, second.key].sort());
      for (const file of listed) expect(Math.abs(file.modifiedAt.getTime() - Date.now())).toBeLessThan(60_000);
    });

    it("has no incomplete uploads to remove after complete ones, and is reachable", async () => {
      await storage.put(Buffer.from("complete"));
      expect(await storage.removeIncomplete({ olderThan: new Date(Date.now() + 60_000) })).toBe(0);
      await expect(storage.check()).resolves.toBeUndefined();
    });

    it.each([
      "../etc/passwd",
      "/etc/passwd",
      "..",
      "",
      "0123456789ABCDEF0123456789ABCDEF",
      "0123456789abcdef0123456789abcde",
      "0123456789abcdef0123456789abcdef0",
      "01/0123456789abcdef0123456789abcdef",
      "0123456789abcdef0123456789abcdef\n",
      "..%2f..%2fetc%2fpasswd",
      "C:\\Windows\\win.ini",
    ])("refuses the key %j it could not have issued", async (key) => {
      expect(await errorCode(storage.get(key))).toBe("NOT_FOUND");
      expect(await errorCode(storage.delete(key))).toBe("NOT_FOUND");
      expect(await storage.exists(key)).toBe(false);
    });

    it("refuses every string that is not 32 lowercase hex characters", async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.string({ maxLength: 40 }).filter((key) => !/^[0-9a-f]{32}$/.test(key)),
          async (key) => {
            expect(await errorCode(storage.get(key))).toBe("NOT_FOUND");
            expect(await storage.exists(key)).toBe(false);
          },
        ),
        { numRuns: 50 },
      );
    });
  });
}
