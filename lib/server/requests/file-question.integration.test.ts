import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalFileStorage } from "@/lib/adapters/storage/local-file-storage";
import { listMyMessages } from "@/lib/server/accounts/list-my-messages";
import { seedDemo } from "@/lib/server/demo/seed-demo";
import { createTestDatabase, testEngine, type TestDatabase } from "@/tests/support/test-database";
import { fileQuestion } from "./file-question";
import { getMyRequest } from "./get-my-request";
import { listMyRequests } from "./list-my-requests";

describe(`filing a question on ${testEngine()}`, () => {
  let database: TestDatabase;
  let storageRoot: string;
  let storage: LocalFileStorage;
  let citizenId: string;
  let otherCitizenId: string;

  beforeAll(async () => {
    process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0000";
    database = await createTestDatabase();
    await seedDemo({ db: database.prisma() });
    storageRoot = fs.mkdtempSync(path.join(os.tmpdir(), "portal-storage-"));
    storage = new LocalFileStorage({ root: storageRoot });
    citizenId = (await database.prisma().citizenAccount.findUniqueOrThrow({ where: { nationalId: "0012345679" } })).id;
    otherCitizenId = (await database.prisma().citizenAccount.findUniqueOrThrow({ where: { nationalId: "7198108121" } })).id;
  });
  afterAll(async () => {
    await database.close();
    fs.rmSync(storageRoot, { recursive: true, force: true });
  });

  const question = (overrides = {}) => ({
    domain: "MEDICAL" as const,
    subject: "هزینه بستری بیمارستان",
    body: "هزینه بستری پدرم در بیمارستان هنوز بازپرداخت نشده است.",
    submissionId: crypto.randomUUID(),
    ...overrides,
  });

  async function storedPng() {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const { key, size } = await storage.put(png);
    return { key, size, type: { mime: "image/png" as const, extension: "png" as const }, fileName: "scan.png" };
  }

  it("saves the request, its attachment and its first event, with a 7-working-day deadline and an SMS", async () => {
    const db = database.prisma();
    const now = new Date("2026-11-21T06:30:00Z"); // Saturday 10:00 in Tehran
    const result = await fileQuestion({ db, storage, citizenId, question: question(), attachment: await storedPng(), now });
    expect(result.created).toBe(true);
    const detail = await getMyRequest({ db, citizenId, requestId: result.requestId, now });
    expect(detail).toMatchObject({ kind: "QUESTION", domain: "MEDICAL", status: "SUBMITTED", branchName: "شعبه ۱ تهران" });
    expect(detail.events.map((e) => e.type)).toEqual(["SUBMITTED"]);
    expect(detail.documents).toHaveLength(1);
    expect(detail.dueAt).not.toBeNull();
    expect(detail.workingDaysLeft).toBe(7);
    const messages = await listMyMessages({ db, citizenId });
    expect(messages[0]?.body).toContain("با کد رهگیری");
  });

  it("makes one request from 20 parallel posts of the same form, and keeps no orphan file", async () => {
    const db = database.prisma();
    const same = question({ submissionId: crypto.randomUUID() });
    const attachments = await Promise.all(Array.from({ length: 20 }, () => storedPng()));
    const results = await Promise.all(attachments.map((attachment) => fileQuestion({ db, storage, citizenId, question: same, attachment })));
    expect(new Set(results.map((r) => r.requestId)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await db.request.count({ where: { submissionId: same.submissionId } })).toBe(1);
    const kept = await db.requestDocument.findMany({ where: { request: { submissionId: same.submissionId } } });
    expect(kept).toHaveLength(1);
    const existing = await Promise.all(attachments.map((a) => storage.exists(a.key)));
    expect(existing.filter(Boolean)).toHaveLength(1);
  });

  it("lists only the person's own requests, newest first, and hides the others' as not found", async () => {
    const db = database.prisma();
    const theirs = await fileQuestion({ db, storage, citizenId: otherCitizenId, question: question({ subject: "پرسش دیگری" }), attachment: null });
    const mine = (await listMyRequests({ db, citizenId })).rows;
    expect(mine.some((r) => r.id === theirs.requestId)).toBe(false);
    expect(mine.map((r) => r.createdAt.getTime())).toEqual([...mine.map((r) => r.createdAt.getTime())].sort((a, b) => b - a));
    await expect(getMyRequest({ db, citizenId, requestId: theirs.requestId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await listMyRequests({ db, citizenId, status: "ANSWERED" })).rows).toEqual([]);
  });
});
