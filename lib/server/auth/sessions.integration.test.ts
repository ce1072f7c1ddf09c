import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testEngine, type TestDatabase } from "@/tests/support/test-database";
import { hashPassword } from "./password";
import { createSession, resolveSession, revokeAllSessions, revokeSession } from "./sessions";
import { signInCitizen } from "./sign-in";

describe(`sessions on ${testEngine()}`, () => {
  let database: TestDatabase;
  let citizenId: string;
  let staffId: string;
  const t0 = new Date("2026-11-26T08:00:00Z");
  const later = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

  beforeAll(async () => {
    database = await createTestDatabase();
    const db = database.prisma();
    const branch = await db.branch.create({
      data: { code: "9901", name: "شعبه آزمایشی", province: "تهران", city: "تهران", address: "-", phone: "02100000000" },
    });
    citizenId = (
      await db.citizenAccount.create({
        data: {
          nationalId: "0012345679",
          mobile: "09121234567",
          firstName: "محمد",
          lastName: "رضایی",
          fatherName: "حسین",
          birthDate: "1354/06/20",
          gender: "MALE",
          passwordHash: await hashPassword("a long enough passphrase"),
        },
      })
    ).id;
    staffId = (
      await db.staffAccount.create({
        data: { personnelCode: "990101", firstName: "مریم", lastName: "احمدی", role: "OFFICER", branchId: branch.id, passwordHash: "x" },
      })
    ).id;
  });
  afterAll(() => database.close());

  it("signs a citizen in with the right password only", async () => {
    const db = database.prisma();
    expect(await signInCitizen({ db, nationalId: "0012345679", password: "wrong", ip: "192.0.2.1" })).toEqual({ ok: false, reason: "INVALID" });
    expect((await signInCitizen({ db, nationalId: "0000000000", password: "a long enough passphrase", ip: "192.0.2.1" })).ok).toBe(false);
    const result = await signInCitizen({ db, nationalId: "0012345679", password: "a long enough passphrase", ip: "192.0.2.1" });
    expect(result.ok).toBe(true);
    const session = result.ok ? await createSession({ db, subject: result.subject }) : null;
    const user = session ? await resolveSession({ db, sessionId: session.id }) : null;
    expect(user).toMatchObject({ kind: "citizen", accountId: citizenId, displayName: "محمد رضایی" });
  });

  it("ends a citizen session after 30 idle minutes, and keeps it alive with use", async () => {
    const db = database.prisma();
    const session = await createSession({ db, subject: { kind: "CITIZEN", citizenId }, now: t0 });
    expect(await resolveSession({ db, sessionId: session.id, now: later(20) })).not.toBeNull();
    // Used at minute 20, so still alive at minute 45, and gone 30 minutes after the last use.
    expect(await resolveSession({ db, sessionId: session.id, now: later(45) })).not.toBeNull();
    expect(await resolveSession({ db, sessionId: session.id, now: later(76) })).toBeNull();
  });

  it("ends a staff session after 15 idle minutes", async () => {
    const db = database.prisma();
    const session = await createSession({ db, subject: { kind: "STAFF", staffId }, now: t0 });
    expect(await resolveSession({ db, sessionId: session.id, now: later(14) })).toMatchObject({ kind: "staff", role: "OFFICER" });
    expect(await resolveSession({ db, sessionId: session.id, now: later(30) })).toBeNull();
  });

  it("revokes one session at sign-out and all of them on demand", async () => {
    const db = database.prisma();
    const a = await createSession({ db, subject: { kind: "CITIZEN", citizenId } });
    const b = await createSession({ db, subject: { kind: "CITIZEN", citizenId } });
    await revokeSession({ db, sessionId: a.id });
    expect(await resolveSession({ db, sessionId: a.id })).toBeNull();
    expect(await resolveSession({ db, sessionId: b.id })).not.toBeNull();
    await revokeAllSessions({ db, subject: { citizenId } });
    expect(await resolveSession({ db, sessionId: b.id })).toBeNull();
  });

  it("ignores ids that are not sessions", async () => {
    const db = database.prisma();
    expect(await resolveSession({ db, sessionId: "not-a-uuid" })).toBeNull();
    expect(await resolveSession({ db, sessionId: "00000000-0000-4000-8000-000000000000" })).toBeNull();
  });
});
