import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalFileStorage } from "@/lib/adapters/storage/local-file-storage";
import { seedDemo } from "@/lib/server/demo/seed-demo";
import { tehranDate } from "@/lib/utils/working-days";
import { createTestDatabase, testEngine, type TestDatabase } from "@/tests/support/test-database";
import { addRequestEvent } from "./add-request-event";
import { fileQuestion } from "./file-question";
import { resubmitRequest } from "./resubmit-request";

describe(`request history on ${testEngine()}`, () => {
  let database: TestDatabase;
  let citizenId: string;
  const storage = new LocalFileStorage({ root: "/tmp/portal-unused-storage" });
  // Saturday 2026-11-21, 10:00 Tehran; the seeded weekend is Thursday-Friday.
  const saturday = new Date("2026-11-21T06:30:00Z");
  const day = (n: number) => new Date(saturday.getTime() + n * 86_400_000);

  beforeAll(async () => {
    process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0000";
    database = await createTestDatabase();
    await seedDemo({ db: database.prisma() });
    citizenId = (await database.prisma().citizenAccount.findUniqueOrThrow({ where: { nationalId: "0012345679" } })).id;
  });
  afterAll(() => database.close());

  const file = () =>
    fileQuestion({
      db: database.prisma(),
      storage,
      citizenId,
      attachment: null,
      now: saturday,
      question: { domain: "INSURANCE", subject: "سابقه بیمه", body: "سابقه بیمه سال‌های ۱۳۸۰ تا ۱۳۸۵ من ثبت نشده است.", submissionId: crypto.randomUUID() },
    });

  it("pauses the deadline while returned to the applicant and moves it on resubmission", async () => {
    const db = database.prisma();
    const { requestId } = await file();
    const before = await db.request.findUniqueOrThrow({ where: { id: requestId } });
    expect(tehranDate(before.dueAt!)).toBe("2026-11-24");

    const returned = await addRequestEvent({
      db,
      requestId,
      expectedStatus: "SUBMITTED",
      event: { type: "RETURNED", actorKind: "STAFF", note: "تصویر دفترچه بیمه را بفرستید." },
      now: day(1),
    });
    expect(returned).toEqual({ status: "RETURNED", dueAt: null });
    const sms = await db.smsMessage.findFirst({ where: { citizenId }, orderBy: { createdAt: "desc" } });
    expect(sms?.body).toContain("برای تکمیل مدارک برگشت داده شد");

    const resumed = await addRequestEvent({ db, requestId, expectedStatus: "RETURNED", event: { type: "RESUBMITTED", actorKind: "CITIZEN" }, now: day(3) });
    expect(resumed.status).toBe("IN_REVIEW");
    expect(tehranDate(resumed.dueAt!)).toBe("2026-11-28");
  });

  it("records an answer, ends the deadline and tells the applicant", async () => {
    const db = database.prisma();
    const { requestId } = await file();
    const answered = await addRequestEvent({
      db,
      requestId,
      expectedStatus: "SUBMITTED",
      event: { type: "ANSWERED", actorKind: "STAFF", note: "سابقه شما اصلاح شد." },
      now: day(1),
    });
    expect(answered).toEqual({ status: "ANSWERED", dueAt: null });
    const sms = await db.smsMessage.findFirst({ where: { citizenId }, orderBy: { createdAt: "desc" } });
    expect(sms?.body).toContain("پاسخ داده شد");
  });

  it("lets exactly one of two simultaneous decisions through", async () => {
    const db = database.prisma();
    const { requestId } = await file();
    const results = await Promise.allSettled([
      addRequestEvent({ db, requestId, expectedStatus: "SUBMITTED", event: { type: "ANSWERED", actorKind: "STAFF", note: "الف" } }),
      addRequestEvent({ db, requestId, expectedStatus: "SUBMITTED", event: { type: "REJECTED", actorKind: "STAFF", note: "ب" } }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: "CONFLICT" });
    expect(await db.requestEvent.count({ where: { requestId, type: { in: ["ANSWERED", "REJECTED"] } } })).toBe(1);
  });

  it("refuses an event the status does not allow", async () => {
    const db = database.prisma();
    const { requestId } = await file();
    await expect(
      addRequestEvent({ db, requestId, expectedStatus: "SUBMITTED", event: { type: "RESUBMITTED", actorKind: "CITIZEN" } }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe(`resubmitting a returned request on ${testEngine()}`, () => {
  let database: TestDatabase;
  let citizenId: string;
  let otherId: string;
  let root: string;
  let storage: LocalFileStorage;

  beforeAll(async () => {
    process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0000";
    database = await createTestDatabase();
    await seedDemo({ db: database.prisma() });
    citizenId = (await database.prisma().citizenAccount.findUniqueOrThrow({ where: { nationalId: "0012345679" } })).id;
    otherId = (await database.prisma().citizenAccount.findUniqueOrThrow({ where: { nationalId: "7198108121" } })).id;
    root = fs.mkdtempSync(path.join(os.tmpdir(), "portal-resubmit-"));
    storage = new LocalFileStorage({ root });
  });
  afterAll(async () => {
    await database.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  const pdf = async () => {
    const { key, size } = await storage.put(Buffer.from("%PDF-1.4\n%%EOF\n"));
    return { key, size, type: { mime: "application/pdf" as const, extension: "pdf" as const }, fileName: "extra.pdf" };
  };

  it("saves the new documents with the RESUBMITTED event and restarts the clock; others get NOT_FOUND", async () => {
    const db = database.prisma();
    const { requestId } = await fileQuestion({
      db,
      storage,
      citizenId,
      attachment: null,
      question: { domain: "INSURANCE", subject: "سابقه بیمه", body: "سابقه بیمه سال‌های ۱۳۸۰ تا ۱۳۸۵ من ثبت نشده است.", submissionId: crypto.randomUUID() },
    });
    await addRequestEvent({ db, requestId, expectedStatus: "SUBMITTED", event: { type: "RETURNED", actorKind: "STAFF", note: "دفترچه بیمه" } });

    const foreign = await pdf();
    await expect(resubmitRequest({ db, storage, citizenId: otherId, requestId, documents: [{ kind: "ATTACHMENT", stored: foreign }] })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await storage.exists(foreign.key)).toBe(false);

    const result = await resubmitRequest({ db, storage, citizenId, requestId, documents: [{ kind: "ATTACHMENT", stored: await pdf() }] });
    expect(result.status).toBe("IN_REVIEW");
    expect(result.dueAt).not.toBeNull();
    expect(await db.requestDocument.count({ where: { requestId } })).toBe(1);

    const late = await pdf();
    await expect(resubmitRequest({ db, storage, citizenId, requestId, documents: [{ kind: "ATTACHMENT", stored: late }] })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await storage.exists(late.key)).toBe(false);
    expect(await db.requestDocument.count({ where: { requestId } })).toBe(1);
  });
});
