import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PassThrough, Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AppError, type AppErrorCode } from "@/lib/errors";
import { describeFileStorageContract } from "@/tests/support/file-storage-contract";
import { LocalFileStorage } from "./local-file-storage";

let root: string;
let storage: LocalFileStorage;
beforeEach(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), "portal-storage-"));
  storage = new LocalFileStorage({ root });
});
afterEach(async () => {
  await fs.rm(root, { recursive: true, force: true });
});

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Every file under the root, relative to it. */
async function filesOnDisk(): Promise<string[]> {
  const entries = await fs.readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .sort();
}

async function errorCode(promise: Promise<unknown>): Promise<AppErrorCode> {
  const error = await promise.then(
    () => {
      throw new Error("expected an AppError");
    },
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).code;
}

describeFileStorageContract("local disk", async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "portal-storage-contract-"));
  return { storage: new LocalFileStorage({ root: dir }), cleanup: () => fs.rm(dir, { recursive: true, force: true }) };
});

describe("LocalFileStorage", () => {
  it("stores a buffer under a random sharded key and reads it back", async () => {
    const content = Buffer.from("%PDF-1.7 birth certificate");
    const { key, size } = await storage.put(content);

    expect(key).toMatch(/^[0-9a-f]{32}$/);
    expect(size).toBe(content.length);
    expect(await filesOnDisk()).toEqual([path.join(key.slice(0, 2), key)]);
    expect(await readAll(await storage.get(key))).toEqual(content);
    expect(await storage.exists(key)).toBe(true);
  });

  it("keeps a stream under a temporary name until it is complete", async () => {
    const upload = new PassThrough();
    const pending = storage.put(upload);
    upload.write(Buffer.from("first half "));
    await new Promise((resolve) => setTimeout(resolve, 50));

    const midway = await filesOnDisk();
    expect(midway).toHaveLength(1);
    expect(path.basename(midway[0]!)).toMatch(/^\.[0-9a-f]{32}\.[0-9a-f]{8}\.tmp$/);

    upload.end(Buffer.from("second half"));
    const { key } = await pending;
    expect(await filesOnDisk()).toEqual([path.join(key.slice(0, 2), key)]);
    expect((await readAll(await storage.get(key))).toString()).toBe("first half second half");
  });

  it("leaves no temporary file behind a stream refused for its size", async () => {
    const error = await storage.put(Readable.from([Buffer.alloc(60_000), Buffer.alloc(60_000)]), { maxBytes: 100_000 }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: "INVALID_INPUT" });
    expect(await filesOnDisk()).toEqual([]);
  });

  it("cleans up and reports STORAGE_ERROR when the source stream fails", async () => {
    const upload = new PassThrough();
    const pending = storage.put(upload);
    upload.write(Buffer.from("partial"));
    setTimeout(() => upload.destroy(new Error("client went away")), 20);
    expect(await errorCode(pending)).toBe("STORAGE_ERROR");
    expect(await filesOnDisk()).toEqual([]);
  });

  it("lists stored files with when they were written, but not uploads still being written or foreign files", async () => {
    const first = await storage.put(Buffer.from("a"));
    const second = await storage.put(Buffer.from("b"));
    const upload = new PassThrough();
    const pending = storage.put(upload);
    upload.write(Buffer.from("still coming"));
    await new Promise((resolve) => setTimeout(resolve, 50));
    await fs.writeFile(path.join(root, "README"), "not a document");
    await fs.mkdir(path.join(root, "zz"));
    await fs.writeFile(path.join(root, "zz", "zz0123456789abcdef0123456789abcd"), "not ours");

    const listed: { key: string; modifiedAt: Date }[] = [];
    for await (const file of storage.list()) listed.push(file);
    expect(listed.map((file) => file.key).sort()).toEqual([first.key, second.key].sort());
    for (const file of listed) expect(Math.abs(file.modifiedAt.getTime() - Date.now())).toBeLessThan(60_000);

    upload.end();
    await pending;
  });

  it("lists nothing when nothing was ever stored, even without the root folder", async () => {
    const missing = new LocalFileStorage({ root: path.join(root, "never-created") });
    const listed: unknown[] = [];
    for await (const file of missing.list()) listed.push(file);
    expect(listed).toEqual([]);
    expect(await missing.removeIncomplete({ olderThan: new Date() })).toBe(0);
  });

  it("removes incomplete uploads older than the cut-off and keeps newer ones and complete files", async () => {
    const complete = await storage.put(Buffer.from("kept"));
    const shard = path.join(root, "ab");
    await fs.mkdir(shard, { recursive: true });
    const abandoned = path.join(shard, ".ab0123456789abcdef0123456789abcd.0badf00d.tmp");
    const inFlight = path.join(shard, ".ab0123456789abcdef0123456789ffff.12345678.tmp");
    await fs.writeFile(abandoned, "half");
    await fs.writeFile(inFlight, "half");
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
    await fs.utimes(abandoned, twoHoursAgo, twoHoursAgo);
    await fs.utimes(path.join(root, complete.key.slice(0, 2), complete.key), twoHoursAgo, twoHoursAgo);

    expect(await storage.removeIncomplete({ olderThan: new Date(Date.now() - 3_600_000) })).toBe(1);
    expect(await filesOnDisk()).toEqual([path.join(complete.key.slice(0, 2), complete.key), path.relative(root, inFlight)].sort());
  });

  describe("keys it did not issue", () => {
    const outsideFile = () => path.join(path.dirname(root), `${path.basename(root)}-secret`);
    beforeEach(async () => {
      await fs.writeFile(outsideFile(), "secret");
    });
    afterEach(async () => {
      await fs.rm(outsideFile(), { force: true });
    });

    // Keys of the wrong shape are refused by the contract above (describeFileStorageContract), on this disk too;
    // here, a key that names a real file beside the root.
    it("rejects a relative path that points at a real file outside the root", async () => {
      const key = `../${path.basename(outsideFile())}`;
      expect(await errorCode(storage.get(key))).toBe("NOT_FOUND");
      expect(await errorCode(storage.delete(key))).toBe("NOT_FOUND");
      expect(await storage.exists(key)).toBe(false);
      expect(await fs.readFile(outsideFile(), "utf8")).toBe("secret");
    });
  });
});
