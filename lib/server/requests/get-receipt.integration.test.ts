import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalFileStorage } from "@/lib/adapters/storage/local-file-storage";
import { makeNationalId } from "@/lib/utils/national-id";
import { createTestDatabase, testEngine, type TestDatabase } from "@/tests/support/test-database";
import { fileQuestion } from "./file-question";
import { getReceipt } from "./get-receipt";

describe(`the printable receipt on ${testEngine()}`, () => {
  let database: TestDatabase;
  let storageRoot: string;
  let ownerId: string;
  let otherId: string;
  let requestId: string;

  const citizen = (nationalId: string, mobile: string, firstName: string) => ({
    nationalId,
    mobile,
    firstName,
    lastName: "نمونه",
    fatherName: "علی",
    birthDate: "1360/01/15",
    gender: "MALE" as const,
    passwordHash: "not-a-real-hash",
  });

  beforeAll(async () => {
    process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0000";
    database = await createTestDatabase();
    const db = database.prisma();
    storageRoot = fs.mkdtempSync(path.join(os.tmpdir(), "portal-storage-"));
    const branch = await db.branch.create({
      data: { code: "9902", name: "شعبه رسید", province: "تهران", city: "تهران", address: "خیابان رسید", phone: "02100000001" },
    });
    const ownerNationalId = makeNationalId("161803398");
    await db.insuranceRecord.create({ data: { nationalId: ownerNationalId, insuranceNumber: "9902000001", kind: "PENSIONER", branchId: branch.id } });
    ownerId = (await db.citizenAccount.create({ data: citizen(ownerNationalId, "09120000011", "بهرام") })).id;
    otherId = (await db.citizenAccount.create({ data: citizen(makeNationalId("141421356"), "09120000012", "کامران") })).id;
    const filed = await fileQuestion({
      db,
      storage: new LocalFileStorage({ root: storageRoot }),
      citizenId: ownerId,
      question: { domain: "MEDICAL", subject: "بازپرداخت هزینه دارو", body: "هزینه داروهای پدرم هنوز بازپرداخت نشده است.", submissionId: crypto.randomUUID() },
      attachment: null,
      now: new Date("2026-11-21T06:30:00Z"),
    });
    requestId = filed.requestId;
  });
  afterAll(async () => {
    await database.close();
    fs.rmSync(storageRoot, { recursive: true, force: true });
  });

  it("shows the owner the request with their name, only the last four digits of the national ID, and a 7-day medical deadline", async () => {
    const receipt = await getReceipt({ db: database.prisma(), citizenId: ownerId, requestId });
    expect(receipt).toMatchObject({
      kind: "QUESTION",
      domain: "MEDICAL",
      subject: "بازپرداخت هزینه دارو",
      branchName: "شعبه رسید",
      applicantName: "بهرام نمونه",
      maskedNationalId: "******3980",
      responseWorkingDays: 7,
    });
    expect(receipt.dueAt).toBeInstanceOf(Date);
  });

  it("is NOT_FOUND for another person's request and for a made-up id", async () => {
    const db = database.prisma();
    await expect(getReceipt({ db, citizenId: otherId, requestId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getReceipt({ db, citizenId: ownerId, requestId: crypto.randomUUID() })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getReceipt({ db, citizenId: ownerId, requestId: "not-a-uuid" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
