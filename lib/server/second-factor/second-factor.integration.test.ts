import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveSession } from "@/lib/server/auth/sessions";
import { DEMO_STAFF } from "@/lib/server/demo/demo-data";
import { seedDemo } from "@/lib/server/demo/seed-demo";
import { resetSecondFactor, unlockStaffAccount } from "@/lib/server/staff/manage-staff-account";
import { createTestDatabase, testEngine, type TestDatabase } from "@/tests/support/test-database";
import { afterPassword, completeEnrolment, completeSecondStep } from "./after-password";
import { findChallenge } from "./challenges";

const secretOf = (code: string) => DEMO_STAFF.find((s) => s.personnelCode === code)!.totpSecret!;
const codeAt = (secret: string, when: Date) => generate({ secret, epoch: Math.floor(when.getTime() / 1000) });

describe(`the staff second factor on ${testEngine()}`, () => {
  let database: TestDatabase;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0000";
    database = await createTestDatabase();
    await seedDemo({ db: database.prisma() });
    for (const staff of await database.prisma().staffAccount.findMany({ select: { id: true, personnelCode: true } })) ids[staff.personnelCode] = staff.id;
  });
  afterAll(() => database.close());

  const challengeFor = async (personnelCode: string, now: Date) => {
    const db = database.prisma();
    const next = await afterPassword({ db, subject: { kind: "STAFF", staffId: ids[personnelCode]! }, account: personnelCode, now });
    if (next.next === "SESSION") throw new Error("staff must never get a session from the password alone");
    return { next: next.next, challenge: (await findChallenge({ db, token: next.token, now }))! };
  };

  it("opens no session on the password alone, and one on the authenticator's code, which works once", async () => {
    const db = database.prisma();
    const now = new Date("2026-12-01T08:00:10Z");
    const first = await challengeFor("120102", now);
    expect(first.next).toBe("CODE");
    const code = await codeAt(secretOf("120102"), now);
    const signedIn = await completeSecondStep({ db, challenge: first.challenge, code, now });
    if (!signedIn.ok) throw new Error(`refused: ${signedIn.reason}`);
    expect(await resolveSession({ db, sessionId: signedIn.session.id, now })).toMatchObject({ kind: "staff", personnelCode: "120102" });
    // The same code on another sign-in, in the same 30 seconds: refused.
    const second = await challengeFor("120102", now);
    expect(await completeSecondStep({ db, challenge: second.challenge, code, now })).toEqual({ ok: false, reason: "REUSED" });
    // A used challenge opens nothing more.
    expect(await completeSecondStep({ db, challenge: first.challenge, code: await codeAt(secretOf("120102"), new Date(now.getTime() + 30_000)), now })).toMatchObject({ ok: false });
  });

  it("lets one of two parallel sign-ins with the same code through", async () => {
    const db = database.prisma();
    const now = new Date("2026-12-01T08:10:10Z");
    const code = await codeAt(secretOf("120201"), now);
    const [a, b] = await Promise.all([challengeFor("120201", now), challengeFor("120201", now)]);
    const results = await Promise.all([a, b].map(({ challenge }) => completeSecondStep({ db, challenge, code, now })));
    expect(results.filter((result) => result.ok)).toHaveLength(1);
  });

  it("gives a challenge five codes, then asks for the password again", async () => {
    const db = database.prisma();
    const now = new Date("2026-12-01T08:20:10Z");
    const { challenge } = await challengeFor("210101", now);
    const right = await codeAt(secretOf("210101"), now);
    const wrong = right === "000000" ? "111111" : "000000";
    for (let n = 0; n < 5; n++) expect(await completeSecondStep({ db, challenge, code: wrong, now })).toEqual({ ok: false, reason: "WRONG" });
    expect(await completeSecondStep({ db, challenge, code: right, now })).toEqual({ ok: false, reason: "EXPIRED" });
  });

  it("enrols a new authenticator after the head resets it, with recovery codes that work once; both audited", async () => {
    const db = database.prisma();
    const head = { accountId: ids["120190"]!, role: "BRANCH_HEAD" as const, branchId: (await db.staffAccount.findUniqueOrThrow({ where: { id: ids["120190"]! } })).branchId };
    // Another branch's officer is not the head's to reset.
    await expect(resetSecondFactor({ db, actor: head, targetStaffId: ids["120201"]! })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await resetSecondFactor({ db, actor: head, targetStaffId: ids["120101"]! });
    const now = new Date("2026-12-01T08:30:10Z");
    const { next, challenge } = await challengeFor("120101", now);
    expect(next).toBe("ENROL");
    const factor = await db.secondFactor.findUniqueOrThrow({ where: { staffId: ids["120101"]! } });
    expect(factor.secretEncrypted).not.toContain(secretOf("120101"));
    const { openSecret } = await import("./secret-box");
    const secret = openSecret(factor.secretEncrypted)!;
    expect(secret).not.toBe(secretOf("120101"));
    const enrolled = await completeEnrolment({ db, challenge, code: await codeAt(secret, now), now });
    if (!enrolled.ok) throw new Error(`refused: ${enrolled.reason}`);
    expect(enrolled.recoveryCodes).toHaveLength(10);
    expect(JSON.stringify(await db.recoveryCode.findMany())).not.toContain(enrolled.recoveryCodes[0]!.replace("-", ""));

    const later = new Date(now.getTime() + 60_000);
    const withRecovery = await challengeFor("120101", later);
    expect(await completeSecondStep({ db, challenge: withRecovery.challenge, code: enrolled.recoveryCodes[3]!, now: later })).toMatchObject({ ok: true });
    const again = await challengeFor("120101", later);
    expect(await completeSecondStep({ db, challenge: again.challenge, code: enrolled.recoveryCodes[3]!, now: later })).toEqual({ ok: false, reason: "WRONG" });

    const audit = await db.auditEntry.findMany({ where: { targetStaffId: ids["120101"]! }, orderBy: { at: "asc" }, select: { action: true, staffId: true } });
    expect(audit.map((entry) => entry.action).sort()).toEqual(["ENROL_SECOND_FACTOR", "RESET_SECOND_FACTOR", "USE_RECOVERY_CODE"]);
    expect(audit.find((entry) => entry.action === "RESET_SECOND_FACTOR")!.staffId).toBe(ids["120190"]);
  });

  it("lets the administrator lift an account-wide lock, audited; an officer may not", async () => {
    const db = database.prisma();
    const admin = { accountId: ids["900001"]!, role: "ADMIN" as const, branchId: null };
    const officer = { accountId: ids["120102"]!, role: "OFFICER" as const, branchId: null };
    await expect(unlockStaffAccount({ db, actor: officer, targetStaffId: ids["120290"]! })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await unlockStaffAccount({ db, actor: admin, targetStaffId: ids["120290"]! });
    expect(await db.auditEntry.count({ where: { action: "UNLOCK_STAFF", targetStaffId: ids["120290"]! } })).toBe(1);
  });
});
