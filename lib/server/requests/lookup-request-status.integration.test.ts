import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalFileStorage } from "@/lib/adapters/storage/local-file-storage";
import { makeNationalId } from "@/lib/utils/national-id";
import { formatTrackingCode, makeTrackingCode } from "@/lib/utils/tracking-code";
import { createTestDatabase, testEngine, type TestDatabase } from "@/tests/support/test-database";
import { fileQuestion } from "./file-question";
import { lookupRequestStatus } from "./lookup-request-status";

const filedAt = new Date("2026-11-21T06:30:00Z"); // Saturday 10:00 in Tehran
const minutesLater = (minutes: number) => new Date(filedAt.getTime() + minutes * 60_000);

describe(`looking up a request's status by tracking code on ${testEngine()}`, () => {
  let database: TestDatabase;
  let storageRoot: string;
  const applicantNationalId = makeNationalId("314159265");
  const someoneElsesNationalId = makeNationalId("271828182");
  let trackingCode: string;

  beforeAll(async () => {
    process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0000";
    database = await createTestDatabase();
    const db = database.prisma();
    storageRoot = fs.mkdtempSync(path.join(os.tmpdir(), "portal-storage-"));
    const branch = await db.branch.create({
      data: { code: "9901", name: "شعبه آزمایشی", province: "تهران", city: "تهران", address: "خیابان آزمایش", phone: "02100000000" },
    });
    await db.insuranceRecord.create({
      data: { nationalId: applicantNationalId, insuranceNumber: "9901000001", kind: "INSURED", branchId: branch.id },
    });
    const citizen = await db.citizenAccount.create({
      data: {
        nationalId: applicantNationalId,
        mobile: "09120000001",
        firstName: "سارا",
        lastName: "آزمایشی",
        fatherName: "حسین",
        birthDate: "1365/04/28",
        gender: "FEMALE",
        passwordHash: "not-a-real-hash",
      },
    });
    const filed = await fileQuestion({
      db,
      storage: new LocalFileStorage({ root: storageRoot }),
      citizenId: citizen.id,
      question: {
        domain: "INSURANCE",
        subject: "سابقه بیمه سال ۱۳۹۰",
        body: "سابقه بیمه من در سال ۱۳۹۰ در سامانه نمایش داده نمی‌شود.",
        submissionId: crypto.randomUUID(),
      },
      attachment: null,
      now: filedAt,
    });
    trackingCode = filed.trackingCode;
  });
  afterAll(async () => {
    await database.close();
    fs.rmSync(storageRoot, { recursive: true, force: true });
  });

  it("gives the status, kind and due date of the request that matches both codes, and nothing else", async () => {
    const result = await lookupRequestStatus({
      db: database.prisma(),
      trackingCode,
      nationalId: applicantNationalId,
      ip: "203.0.113.1",
      now: minutesLater(5),
    });
    expect(result).toMatchObject({ found: true, status: "SUBMITTED", kind: "QUESTION", workingDaysLeft: 3 });
    expect(Object.keys(result).sort()).toEqual(["dueAt", "found", "kind", "status", "workingDaysLeft"]);
    expect("dueAt" in result && result.dueAt).toBeInstanceOf(Date);
  });

  it("accepts the code as printed on the receipt, in Persian digits with dashes", async () => {
    const result = await lookupRequestStatus({
      db: database.prisma(),
      trackingCode: formatTrackingCode(trackingCode),
      nationalId: applicantNationalId,
      ip: "203.0.113.2",
      now: minutesLater(5),
    });
    expect(result).toMatchObject({ found: true });
  });

  it("says only 'not found' for a wrong national ID, an unknown code, or a malformed code", async () => {
    const db = database.prisma();
    const unknownCode = trackingCode === "1234567894" ? "5724350615" : "1234567894";
    const attempts = [
      { trackingCode, nationalId: someoneElsesNationalId },
      { trackingCode: unknownCode, nationalId: applicantNationalId },
      { trackingCode: unknownCode, nationalId: someoneElsesNationalId },
      { trackingCode: `${trackingCode.slice(0, 9)}${(Number(trackingCode[9]) + 1) % 10}`, nationalId: applicantNationalId },
      { trackingCode, nationalId: "1111111111" },
    ];
    for (const attempt of attempts) {
      const result = await lookupRequestStatus({ db, ...attempt, ip: "203.0.113.3", now: minutesLater(5) });
      expect(result).toEqual({ found: false });
    }
  });

  it("locks the 21st look-up from one network within 15 minutes, until 15 minutes after the 20th, but not another network", async () => {
    const db = database.prisma();
    const lookup = (ip: string, minutes: number) =>
      lookupRequestStatus({ db, trackingCode, nationalId: applicantNationalId, ip, now: minutesLater(minutes) });
    for (let i = 0; i < 20; i++) {
      // Spread over 10 minutes, mixing hits and misses: every attempt counts.
      const result = i % 2 === 0 ? await lookup("198.51.100.7", 10 + i / 2) : await lookupRequestStatus({
        db,
        trackingCode,
        nationalId: someoneElsesNationalId,
        ip: "198.51.100.7",
        now: minutesLater(10 + i / 2),
      });
      expect(result).not.toHaveProperty("locked");
    }
    const twentieth = minutesLater(10 + 19 / 2);
    expect(await lookup("198.51.100.7", 20)).toEqual({ locked: true, until: new Date(twentieth.getTime() + 15 * 60_000) });
    expect(await lookup("198.51.100.8", 20)).toMatchObject({ found: true });
    // The same IPv6 /64 is one network.
    for (let i = 0; i < 20; i++) await lookup(`2001:db8:7:7::${i + 1}`, 21);
    expect(await lookup("2001:db8:7:7::ffff", 21)).toMatchObject({ locked: true });
    expect(await lookup("2001:db8:7:8::1", 21)).toMatchObject({ found: true });
    // Once the lock ends, look-ups work again.
    expect(await lookup("198.51.100.7", 10 + 19 / 2 + 15)).toMatchObject({ found: true });
  });

  it("lets at most 20 of a parallel burst from one network through", async () => {
    const db = database.prisma();
    const results = await Promise.all(
      Array.from({ length: 30 }, () =>
        lookupRequestStatus({ db, trackingCode, nationalId: applicantNationalId, ip: "192.0.2.50", now: minutesLater(30) }),
      ),
    );
    const answered = results.filter((result) => "found" in result);
    expect(answered.length).toBeLessThanOrEqual(20);
    expect(answered.length + results.filter((result) => "locked" in result).length).toBe(30);
  });

  it("after twenty misses for one national ID from many networks, still answers its owner with the right code, and refuses the networks that guessed", async () => {
    const db = database.prisma();
    const at = minutesLater(400);
    const guessed = [];
    for (let i = 0; i < 20; i++) {
      guessed.push(await lookupRequestStatus({ db, trackingCode: makeTrackingCode(crypto.randomInt), nationalId: applicantNationalId, ip: `198.20.${i}.1`, now: at }));
    }
    expect(guessed.every((result) => "found" in result && !result.found)).toBe(true);
    // The owner, from a network that did not guess, with the code on the receipt.
    expect(await lookupRequestStatus({ db, trackingCode, nationalId: applicantNationalId, ip: "198.21.0.1", now: at })).toMatchObject({ found: true });
    // A network that guessed gets nothing more about this person, not even with the right code.
    expect(await lookupRequestStatus({ db, trackingCode, nationalId: applicantNationalId, ip: "198.20.3.1", now: at })).toMatchObject({ locked: true });
    // A fresh network's wrong guess reads as locked, and is its last.
    expect(await lookupRequestStatus({ db, trackingCode: makeTrackingCode(crypto.randomInt), nationalId: applicantNationalId, ip: "198.22.0.1", now: at })).toMatchObject({ locked: true });
    expect(await lookupRequestStatus({ db, trackingCode, nationalId: applicantNationalId, ip: "198.22.0.1", now: at })).toMatchObject({ locked: true });
  });

  it("locks guesses for one national ID after twenty misses from many networks; hits are not counted", async () => {
    const db = database.prisma();
    const victim = makeNationalId("161803398");
    const at = minutesLater(200);
    // Guesses of the victim's codes, each from another network.
    for (let i = 0; i < 20; i++) {
      const guess = makeTrackingCode(crypto.randomInt);
      const result = await lookupRequestStatus({ db, trackingCode: guess, nationalId: victim, ip: `198.18.${i}.1`, now: at });
      expect(result).not.toHaveProperty("locked");
    }
    const next = await lookupRequestStatus({ db, trackingCode, nationalId: victim, ip: "198.18.200.1", now: at });
    expect(next).toEqual({ locked: true, until: new Date(at.getTime() + 15 * 60_000) });
    // Another person, from the same new network, is not affected; nor are successful look-ups counted.
    for (let i = 0; i < 25; i++) {
      const own = await lookupRequestStatus({ db, trackingCode, nationalId: applicantNationalId, ip: `198.19.${i}.1`, now: at });
      expect(own).toMatchObject({ found: true });
    }
  });
});
