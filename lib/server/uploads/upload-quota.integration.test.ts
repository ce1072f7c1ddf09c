import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalFileStorage } from "@/lib/adapters/storage/local-file-storage";
import { MAX_DOCUMENT_BYTES } from "@/lib/schemas/question";
import { storeDocument } from "@/lib/server/requests/store-document";
import { seedDemo } from "@/lib/server/demo/seed-demo";
import { createTestDatabase, testEngine, type TestDatabase } from "@/tests/support/test-database";
import { stageUpload } from "./staged-uploads";
import { uploadQuota } from "./upload-quota";

const UPLOAD_QUOTA = uploadQuota();

const NOW = new Date("2026-12-01T08:00:00Z");
const MB = 1024 * 1024;
const smallPdf = () => new File([Buffer.from("%PDF-1.4\n%test\n%%EOF\n")], "scan.pdf", { type: "application/pdf" });
/** A well-formed PDF of about `megabytes` MB (a comment fills it). */
const bigPdf = (megabytes: number) =>
  new File([Buffer.concat([Buffer.from("%PDF-1.4\n%"), Buffer.alloc(megabytes * MB - 40, 0x41), Buffer.from("\n%%EOF\n")])], "big.pdf", { type: "application/pdf" });

describe(`upload quotas per account on ${testEngine()}`, () => {
  let database: TestDatabase;
  let storageRoot: string;
  let storage: LocalFileStorage;
  const citizens: Record<string, string> = {};

  beforeAll(async () => {
    process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0000";
    database = await createTestDatabase();
    await seedDemo({ db: database.prisma() });
    storageRoot = fs.mkdtempSync(path.join(os.tmpdir(), "portal-quota-"));
    storage = new LocalFileStorage({ root: storageRoot });
    for (const nationalId of ["0012345679", "7198108121", "7404642231"]) {
      citizens[nationalId] = (await database.prisma().citizenAccount.findUniqueOrThrow({ where: { nationalId } })).id;
    }
  });
  afterAll(async () => {
    await database.close();
    fs.rmSync(storageRoot, { recursive: true, force: true });
  });

  it("keeps at most ten documents sent ahead waiting for their form, then says why", async () => {
    const db = database.prisma();
    const citizenId = citizens["0012345679"]!;
    const results = [];
    for (let n = 0; n < 11; n++) results.push(await stageUpload({ db, storage, citizenId, file: smallPdf(), now: new Date(NOW.getTime() + n) }));
    expect(results.slice(0, UPLOAD_QUOTA.openStaged).every((result) => result.ok)).toBe(true);
    expect(results[UPLOAD_QUOTA.openStaged]).toEqual({ ok: false, problem: "QUOTA" });
  });

  it("accepts at most 60 MB an hour from one account, one file after another or in a parallel burst", async () => {
    const db = database.prisma();
    const uploader = { kind: "citizen" as const, id: citizens["7198108121"]! };
    const file = bigPdf(5);
    const at = (ms: number) => new Date(NOW.getTime() + ms);
    const oneByOne = [];
    for (let n = 0; n < 13; n++) oneByOne.push(await storeDocument({ storage, file, maxBytes: MAX_DOCUMENT_BYTES, quota: { db, uploader, now: at(n) } }));
    expect(oneByOne.slice(0, 12).every((result) => result.ok)).toBe(true);
    expect(oneByOne[12]).toEqual({ ok: false, problem: "QUOTA" });
    // An hour later the quota is free again; twenty files at once never get more than it.
    const later = at(UPLOAD_QUOTA.windowMs + 100);
    const burst = await Promise.all(Array.from({ length: 20 }, () => storeDocument({ storage, file, maxBytes: MAX_DOCUMENT_BYTES, quota: { db, uploader, now: later } })));
    const stored = burst.filter((result) => result.ok).length;
    expect(stored * 5).toBeLessThanOrEqual(60);
    expect(burst.filter((result) => !result.ok && result.problem === "QUOTA").length).toBe(20 - stored);
  });

  it("accepts at most 30 files an hour from one account, counting refused ones", async () => {
    const db = database.prisma();
    const uploader = { kind: "citizen" as const, id: citizens["7404642231"]! };
    const notADocument = new File(["plain text"], "notes.pdf");
    const results = [];
    for (let n = 0; n < 31; n++) results.push(await storeDocument({ storage, file: notADocument, maxBytes: MAX_DOCUMENT_BYTES, quota: { db, uploader, now: new Date(NOW.getTime() + n) } }));
    expect(results.slice(0, 30).every((result) => !result.ok && result.problem === "WRONG_TYPE")).toBe(true);
    expect(results[30]).toEqual({ ok: false, problem: "QUOTA" });
  });
});
