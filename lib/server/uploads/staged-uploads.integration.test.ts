import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalFileStorage } from "@/lib/adapters/storage/local-file-storage";
import { seedDemo } from "@/lib/server/demo/seed-demo";
import { createEnrolmentRequest } from "@/tests/support/review-factories";
import { createTestDatabase, testEngine, type TestDatabase } from "@/tests/support/test-database";
import { findStagedUpload, pruneStagedUploads, stageUpload, STAGED_UPLOAD_TTL_MS } from "./staged-uploads";

const NOW = new Date("2026-11-30T08:00:00Z");
const PDF = new File([Buffer.from("%PDF-1.4\n%test\n%%EOF\n")], "birth.pdf", { type: "application/pdf" });

describe(`documents sent ahead of their form on ${testEngine()}`, () => {
  let database: TestDatabase;
  let storageRoot: string;
  let storage: LocalFileStorage;
  let mohammad: string;
  let kazem: string;

  beforeAll(async () => {
    process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0000";
    database = await createTestDatabase();
    await seedDemo({ db: database.prisma() });
    storageRoot = fs.mkdtempSync(path.join(os.tmpdir(), "portal-staged-"));
    storage = new LocalFileStorage({ root: storageRoot });
    const db = database.prisma();
    mohammad = (await db.citizenAccount.findUniqueOrThrow({ where: { nationalId: "0012345679" } })).id;
    kazem = (await db.citizenAccount.findUniqueOrThrow({ where: { nationalId: "1028765967" } })).id;
  });
  afterAll(async () => {
    await database.close();
    fs.rmSync(storageRoot, { recursive: true, force: true });
  });

  it("stores a checked file and gives its token only back to the same citizen, until it expires", async () => {
    const db = database.prisma();
    const staged = await stageUpload({ db, storage, citizenId: mohammad, file: PDF, now: NOW });
    if (!staged.ok) throw new Error("expected the PDF to be accepted");
    const found = await findStagedUpload({ db, citizenId: mohammad, token: staged.token, now: NOW });
    expect(found).toMatchObject({ fileName: "birth.pdf", type: { mime: "application/pdf" } });
    expect(await storage.exists(found!.key)).toBe(true);
    expect(await findStagedUpload({ db, citizenId: kazem, token: staged.token, now: NOW })).toBeNull();
    expect(await findStagedUpload({ db, citizenId: mohammad, token: "not-a-token", now: NOW })).toBeNull();
    expect(await findStagedUpload({ db, citizenId: mohammad, token: staged.token, now: new Date(NOW.getTime() + STAGED_UPLOAD_TTL_MS + 1) })).toBeNull();
  });

  it("refuses what a form would refuse, leaving nothing behind", async () => {
    const db = database.prisma();
    const before = fs.readdirSync(storageRoot, { recursive: true }).length;
    const renamed = new File([Buffer.from("MZ\x90\x00 not a pdf")], "tool.pdf", { type: "application/pdf" });
    expect(await stageUpload({ db, storage, citizenId: mohammad, file: renamed, now: NOW })).toEqual({ ok: false, problem: "WRONG_TYPE" });
    expect(await stageUpload({ db, storage, citizenId: mohammad, file: new File([], "empty.pdf"), now: NOW })).toEqual({ ok: false, problem: "EMPTY" });
    expect(fs.readdirSync(storageRoot, { recursive: true }).length).toBe(before);
  });

  it("prunes expired uploads, but never a file a filed request owns", async () => {
    const db = database.prisma();
    const unused = await stageUpload({ db, storage, citizenId: mohammad, file: PDF, now: NOW });
    const used = await stageUpload({ db, storage, citizenId: mohammad, file: PDF, now: NOW });
    if (!unused.ok || !used.ok) throw new Error("expected both to be accepted");
    const unusedFile = (await findStagedUpload({ db, citizenId: mohammad, token: unused.token, now: NOW }))!;
    const usedFile = (await findStagedUpload({ db, citizenId: mohammad, token: used.token, now: NOW }))!;
    // A request came to own the second file, and the process died before releasing its token.
    const request = await createEnrolmentRequest(db, { citizenNationalId: "0012345679" });
    await db.requestDocument.create({
      data: { requestId: request.id, kind: "BIRTH_CERTIFICATE", storageKey: usedFile.key, fileName: "birth.pdf", mimeType: "application/pdf", sizeBytes: usedFile.size, uploadedBy: "CITIZEN" },
    });
    const later = new Date(NOW.getTime() + STAGED_UPLOAD_TTL_MS + 1);
    expect(await pruneStagedUploads({ db, storage, now: later })).toBeGreaterThanOrEqual(2);
    expect(await storage.exists(unusedFile.key)).toBe(false);
    expect(await storage.exists(usedFile.key)).toBe(true);
    expect(await db.pendingUpload.count({ where: { id: { in: [unused.token, used.token] } } })).toBe(0);
  });
});
