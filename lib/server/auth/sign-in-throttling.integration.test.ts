import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prismaForPostgres, type Db } from "@/lib/server/db/prisma";
import { createTestDatabase, testEngine, type TestDatabase } from "@/tests/support/test-database";
import { hashPassword } from "./password";
import { signInCitizen, signInStaff, type SignInResult } from "./sign-in";

const PASSWORD = "a long enough passphrase";
const CITIZEN_ID = "0012345679";
const STAFF_CODE = "990101";
const t0 = new Date("2026-11-26T08:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const INVALID = { ok: false, reason: "INVALID" };
const lockedAccount = (until: Date) => ({ ok: false, reason: "LOCKED", lockedBy: "ACCOUNT", until });

describe(`sign-in throttling on ${testEngine()}`, () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
    const db = database.prisma();
    const branch = await db.branch.create({
      data: { code: "9901", name: "شعبه آزمایشی", province: "تهران", city: "تهران", address: "-", phone: "02100000000" },
    });
    const passwordHash = await hashPassword(PASSWORD);
    await db.citizenAccount.create({
      data: {
        nationalId: CITIZEN_ID,
        mobile: "09121234567",
        firstName: "محمد",
        lastName: "رضایی",
        fatherName: "حسین",
        birthDate: "1354/06/20",
        gender: "MALE",
        passwordHash,
      },
    });
    await db.staffAccount.create({
      data: { personnelCode: STAFF_CODE, firstName: "مریم", lastName: "احمدی", role: "OFFICER", branchId: branch.id, passwordHash },
    });
  });
  afterAll(() => database.close());

  /** Each test gets its own account state: the citizen's and staff member's failures are cleared by a success. */
  const citizen = (options: { nationalId?: string; password: string; ip: string; now: Date; db?: Db }) =>
    signInCitizen({ db: options.db ?? database.prisma(), nationalId: options.nationalId ?? CITIZEN_ID, ...options });

  it("locks an account for 15 minutes after 5 failures, refusing even the right password, then lets it in", async () => {
    const ip = "198.51.100.1";
    for (let minute = 0; minute < 5; minute++) {
      expect(await citizen({ password: "wrong", ip, now: at(minute) })).toEqual(INVALID);
    }
    const until = at(4 + 15);
    expect(await citizen({ password: PASSWORD, ip, now: at(5) })).toEqual(lockedAccount(until));
    // The lock is per account: another network is refused too.
    expect(await citizen({ password: PASSWORD, ip: "198.51.100.2", now: new Date(until.getTime() - 1) })).toEqual(
      lockedAccount(until),
    );
    expect((await citizen({ password: PASSWORD, ip, now: until })).ok).toBe(true);
  });

  it("forgets an account's failures when it signs in", async () => {
    const ip = "198.51.100.3";
    for (let minute = 0; minute < 4; minute++) {
      expect(await citizen({ password: "wrong", ip, now: at(minute) })).toEqual(INVALID);
    }
    expect((await citizen({ password: PASSWORD, ip, now: at(4) })).ok).toBe(true);
    for (let minute = 5; minute < 9; minute++) {
      expect(await citizen({ password: "wrong", ip, now: at(minute) })).toEqual(INVALID);
    }
    expect((await citizen({ password: PASSWORD, ip, now: at(9) })).ok).toBe(true);
  });

  it("counts failures in a sliding 15-minute window", async () => {
    const ip = "198.51.100.4";
    // Five failures, but never five within 15 minutes.
    for (const minute of [0, 5, 10, 14, 15]) {
      expect(await citizen({ password: "wrong", ip, now: at(minute) })).toEqual(INVALID);
    }
    expect((await citizen({ password: PASSWORD, ip, now: at(16) })).ok).toBe(true);
  });

  it("locks a national ID that has no account exactly like one that has", async () => {
    const ip = "198.51.100.5";
    const unknown = "0000000000";
    for (let minute = 0; minute < 5; minute++) {
      expect(await citizen({ nationalId: unknown, password: PASSWORD, ip, now: at(minute) })).toEqual(INVALID);
    }
    expect(await citizen({ nationalId: unknown, password: PASSWORD, ip, now: at(6) })).toEqual(lockedAccount(at(19)));
  });

  it("keeps staff and citizen failures apart even for the same digits", async () => {
    const ip = "198.51.100.6";
    for (let minute = 0; minute < 5; minute++) {
      const result = await signInStaff({ db: database.prisma(), personnelCode: CITIZEN_ID, password: "wrong", ip, now: at(minute) });
      expect(result).toEqual(INVALID);
    }
    expect(await signInStaff({ db: database.prisma(), personnelCode: CITIZEN_ID, password: PASSWORD, ip, now: at(5) })).toEqual(
      lockedAccount(at(19)),
    );
    expect((await citizen({ password: PASSWORD, ip, now: at(5) })).ok).toBe(true);
    expect((await signInStaff({ db: database.prisma(), personnelCode: STAFF_CODE, password: PASSWORD, ip, now: at(5) })).ok).toBe(true);
  });

  it("locks a network after 30 failures across accounts; its successful sign-ins do not count", async () => {
    const ip = "203.0.113.9";
    const nationalIds = Array.from({ length: 30 }, (_, i) => `11111111${String(i).padStart(2, "0")}`);
    for (const nationalId of nationalIds.slice(0, 29)) {
      expect(await citizen({ nationalId, password: "wrong", ip, now: at(1) })).toEqual(INVALID);
    }
    for (let i = 0; i < 3; i++) expect((await citizen({ password: PASSWORD, ip, now: at(2) })).ok).toBe(true);
    expect(await citizen({ nationalId: nationalIds[29], password: "wrong", ip, now: at(3) })).toEqual(INVALID);

    const locked: SignInResult = { ok: false, reason: "LOCKED", lockedBy: "NETWORK", until: at(18) };
    expect(await citizen({ password: PASSWORD, ip, now: at(4) })).toEqual(locked);
    expect(await signInStaff({ db: database.prisma(), personnelCode: STAFF_CODE, password: PASSWORD, ip, now: at(4) })).toEqual(locked);
    // Other networks, and the same one once the lock ends, are let in.
    expect((await citizen({ password: PASSWORD, ip: "203.0.113.10", now: at(4) })).ok).toBe(true);
    expect((await citizen({ password: PASSWORD, ip, now: at(18) })).ok).toBe(true);
  });

  it("lets a burst of parallel attempts check at most 5 passwords", async () => {
    const ip = "198.51.100.7";
    const nationalId = "2222222222";
    const results = await Promise.all(
      Array.from({ length: 12 }, () => citizen({ nationalId, password: "wrong", ip, now: at(0) })),
    );
    // How many get through depends on how the attempts interleave (none, when all
    // are recorded before any is checked); never more than the limit.
    expect(results.filter((result) => !result.ok && result.reason === "INVALID").length).toBeLessThanOrEqual(5);
    for (const result of results) if (!result.ok && result.reason === "LOCKED") expect(result.until).toEqual(at(15));
    expect(await citizen({ nationalId, password: PASSWORD, ip, now: at(1) })).toEqual(lockedAccount(at(15)));
  });

  it.runIf(testEngine() === "postgres")("shares a lockout between two app instances on one database", async () => {
    const other = prismaForPostgres(database.url!, 2);
    try {
      const ip = "198.51.100.8";
      const staff = (db: Db, password: string, minute: number) =>
        signInStaff({ db, personnelCode: STAFF_CODE, password, ip, now: at(minute) });
      for (const [db, minute] of [[database.prisma(), 0], [other, 1], [database.prisma(), 2], [other, 3], [other, 4]] as const) {
        expect(await staff(db, "wrong", minute)).toEqual(INVALID);
      }
      expect(await staff(database.prisma(), PASSWORD, 5)).toEqual(lockedAccount(at(19)));
      expect(await staff(other, PASSWORD, 5)).toEqual(lockedAccount(at(19)));
      expect((await staff(other, PASSWORD, 19)).ok).toBe(true);
    } finally {
      await other.$disconnect();
    }
  });
});
