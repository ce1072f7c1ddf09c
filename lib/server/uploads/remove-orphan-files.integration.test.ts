import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalFileStorage } from "@/lib/adapters/storage/local-file-storage";
import { S3FileStorage } from "@/lib/adapters/storage/s3-file-storage";
import { seedDemo } from "@/lib/server/demo/seed-demo";
import { createEnrolmentRequest } from "@/tests/support/review-factories";
import { S3_TEST_CREDENTIALS, startS3TestServer, type S3TestServer } from "@/tests/support/s3-test-server";
import { createTestDatabase, testEngine, type TestDatabase } from "@/tests/support/test-database";
import { cleanUpStorage } from "./clean-up-storage";
import { ORPHAN_GRACE_MS, removeOrphanFiles } from "./remove-orphan-files";
import { STAGED_UPLOAD_TTL_MS, stageUpload } from "./staged-uploads";

const PDF = new File([Buffer.from("%PDF-1.4\n%test\n%%EOF\n")], "birth.pdf", { type: "application/pdf" });

describe(`start-up clean-up of files no record refers to, on ${testEngine()}`, () => {
  let database: TestDatabase;
  let storageRoot: string;
  let storage: LocalFileStorage;
  let mohammad: string;

  beforeAll(async () => {
    process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0000";
    database = await createTestDatabase();
    await seedDemo({ db: database.prisma() });
    storageRoot = fs.mkdtempSync(path.join(os.tmpdir(), "portal-orphans-"));
    storage = new LocalFileStorage({ root: storageRoot });
    mohammad = (await database.prisma().citizenAccount.findUniqueOrThrow({ where: { nationalId: "0012345679" } })).id;
  });
  afterAll(async () => {
    await database.close();
    fs.rmSync(storageRoot, { recursive: true, force: true });
  });

  const age = (key: string, ms: number) => {
    const when = new Date(Date.now() - ms);
    fs.utimesSync(path.join(storageRoot, key.slice(0, 2), key), when, when);
  };

  it("deletes old unreferenced files and half-written uploads; keeps documents, staged uploads and anything recent", async () => {
    const db = database.prisma();
    const old = ORPHAN_GRACE_MS + 60_000;

    const filed = await storage.put(Buffer.from("%PDF-1.4 filed"));
    const request = await createEnrolmentRequest(db, { citizenNationalId: "0012345679" });
    await db.requestDocument.create({
      data: { requestId: request.id, kind: "BIRTH_CERTIFICATE", storageKey: filed.key, fileName: "b.pdf", mimeType: "application/pdf", sizeBytes: filed.size, uploadedBy: "CITIZEN" },
    });
    const staged = await stageUpload({ db, storage, citizenId: mohammad, file: PDF });
    if (!staged.ok) throw new Error("expected the PDF to be accepted");
    const stagedKey = (await db.pendingUpload.findUniqueOrThrow({ where: { id: staged.token } })).storageKey;
    // Killed after storing these files, before their request was saved:
    const orphans = await Promise.all([1, 2, 3].map((n) => storage.put(Buffer.from(`orphan ${n}`))));
    // Stored a moment ago by a form that is about to save its request:
    const recent = await storage.put(Buffer.from("in flight"));
    // Killed while writing an upload:
    const shard = path.join(storageRoot, "cd");
    fs.mkdirSync(shard, { recursive: true });
    const halfWritten = path.join(shard, ".cd0123456789abcdef0123456789abcd.0badf00d.tmp");
    fs.writeFileSync(halfWritten, "half");
    const when = new Date(Date.now() - old);
    fs.utimesSync(halfWritten, when, when);
    for (const key of [filed.key, stagedKey, ...orphans.map((o) => o.key)]) age(key, old);

    const result = await removeOrphanFiles({ db, storage });

    expect(result).toEqual({ orphans: 3, incomplete: 1, kept: 3 });
    for (const orphan of orphans) expect(await storage.exists(orphan.key)).toBe(false);
    expect(fs.existsSync(halfWritten)).toBe(false);
    expect(await storage.exists(filed.key)).toBe(true);
    expect(await storage.exists(stagedKey)).toBe(true);
    expect(await storage.exists(recent.key)).toBe(true);
    // Run again: nothing more to do.
    expect(await removeOrphanFiles({ db, storage })).toEqual({ orphans: 0, incomplete: 0, kept: 3 });
  });

  it("works through more files than one batch", async () => {
    const db = database.prisma();
    const many = await Promise.all(Array.from({ length: 620 }, (_, n) => storage.put(Buffer.from(`orphan ${n}`))));
    for (const file of many) age(file.key, ORPHAN_GRACE_MS + 1);
    const result = await removeOrphanFiles({ db, storage });
    expect(result.orphans).toBe(620);
    expect(await storage.exists(many[0]!.key)).toBe(false);
  });
});

// The same clean-ups on the object store: objects cannot be back-dated, so the
// clock is moved forward instead.
describe(`clean-up of the S3-compatible store, on ${testEngine()}`, () => {
  let database: TestDatabase;
  let server: S3TestServer;
  let storage: S3FileStorage;
  let mohammad: string;

  beforeAll(async () => {
    process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0000";
    database = await createTestDatabase();
    await seedDemo({ db: database.prisma() });
    server = await startS3TestServer();
    storage = new S3FileStorage({
      bucket: server.bucket,
      prefix: "documents/",
      region: "us-east-1",
      endpoint: server.endpoint,
      forcePathStyle: true,
      credentials: S3_TEST_CREDENTIALS,
      serverSideEncryption: "none",
      timeoutMs: 5_000,
    });
    mohammad = (await database.prisma().citizenAccount.findUniqueOrThrow({ where: { nationalId: "0012345679" } })).id;
  });
  afterAll(async () => {
    await database.close();
    await server.close();
  });

  it("removes expired documents sent ahead and objects no record refers to; keeps filed and fresh ones", async () => {
    const db = database.prisma();
    const filed = await storage.put(Buffer.from("%PDF-1.4 filed"));
    const request = await createEnrolmentRequest(db, { citizenNationalId: "0012345679" });
    await db.requestDocument.create({
      data: { requestId: request.id, kind: "BIRTH_CERTIFICATE", storageKey: filed.key, fileName: "b.pdf", mimeType: "application/pdf", sizeBytes: filed.size, uploadedBy: "CITIZEN" },
    });
    const staged = await stageUpload({ db, storage, citizenId: mohammad, file: PDF });
    if (!staged.ok) throw new Error("expected the PDF to be accepted");
    const stagedKey = (await db.pendingUpload.findUniqueOrThrow({ where: { id: staged.token } })).storageKey;
    const orphans = await Promise.all([1, 2].map((n) => storage.put(Buffer.from(`orphan ${n}`))));

    // An hour and a bit later: the orphans are old enough, the staged upload has not expired yet.
    const later = new Date(Date.now() + ORPHAN_GRACE_MS + 60_000);
    expect(await cleanUpStorage({ db, storage, now: later })).toEqual({ expiredUploads: 0, orphans: 2, incomplete: 0, kept: 2 });
    for (const orphan of orphans) expect(await storage.exists(orphan.key)).toBe(false);
    expect(await storage.exists(filed.key)).toBe(true);
    expect(await storage.exists(stagedKey)).toBe(true);

    // After the staged upload's time is up, its row and its object go.
    const expired = new Date(Date.now() + STAGED_UPLOAD_TTL_MS + 60_000);
    expect(await cleanUpStorage({ db, storage, now: expired })).toEqual({ expiredUploads: 1, orphans: 0, incomplete: 0, kept: 1 });
    expect(await storage.exists(stagedKey)).toBe(false);
    expect(await db.pendingUpload.count({ where: { id: staged.token } })).toBe(0);
    expect(await storage.exists(filed.key)).toBe(true);
  });
});
