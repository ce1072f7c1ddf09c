import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testEngine, type TestDatabase } from "@/tests/support/test-database";
import { issueOneTimeCode } from "./issue-one-time-code";
import { verifyOneTimeCode } from "./verify-one-time-code";

describe(`one-time codes on ${testEngine()}`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0000";
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  const t0 = new Date("2026-11-26T08:00:00Z");
  const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
  let mobileCounter = 0;
  const freshMobile = () => `0912${String(1_000_000 + mobileCounter++).slice(-7)}`;

  async function issue(subjectId: string, mobile: string, now: Date) {
    let sent = "";
    const result = await issueOneTimeCode({
      db: database.prisma(),
      purpose: "REGISTRATION",
      mobile,
      subjectId,
      now,
      send: async (code) => {
        sent = code;
      },
    });
    return { result, code: sent };
  }
  const verify = (subjectId: string, code: string, now: Date) =>
    verifyOneTimeCode({ db: database.prisma(), purpose: "REGISTRATION", subjectId, code, now });

  it("accepts the sent code once, within two minutes", async () => {
    const subject = crypto.randomUUID();
    const { result, code } = await issue(subject, freshMobile(), t0);
    expect(result).toMatchObject({ ok: true, expiresAt: at(120), resendAt: at(60) });
    expect(code).toMatch(/^\d{6}$/);
    expect(await verify(subject, code, at(119))).toMatchObject({ ok: true });
    expect(await verify(subject, code, at(119))).toEqual({ ok: false, reason: "NO_CODE" });
  });

  it("refuses an expired code", async () => {
    const subject = crypto.randomUUID();
    const { code } = await issue(subject, freshMobile(), t0);
    expect(await verify(subject, code, at(120))).toEqual({ ok: false, reason: "EXPIRED" });
  });

  it("allows five tries, then none, even with the right code", async () => {
    const subject = crypto.randomUUID();
    const { code } = await issue(subject, freshMobile(), t0);
    const wrong = code === "000000" ? "111111" : "000000";
    for (let left = 4; left >= 1; left--) {
      expect(await verify(subject, wrong, at(10))).toEqual({ ok: false, reason: "WRONG_CODE", attemptsLeft: left });
    }
    expect(await verify(subject, wrong, at(10))).toEqual({ ok: false, reason: "TOO_MANY_ATTEMPTS" });
    expect(await verify(subject, code, at(11))).toEqual({ ok: false, reason: "TOO_MANY_ATTEMPTS" });
  });

  it("counts parallel guesses against the limit", async () => {
    const subject = crypto.randomUUID();
    const { code } = await issue(subject, freshMobile(), t0);
    const wrong = code === "000000" ? "111111" : "000000";
    const results = await Promise.all(Array.from({ length: 12 }, () => verify(subject, wrong, at(5))));
    expect(results.filter((r) => !r.ok && r.reason === "WRONG_CODE")).toHaveLength(4);
    expect(await verify(subject, code, at(6))).toEqual({ ok: false, reason: "TOO_MANY_ATTEMPTS" });
  });

  it("lets a code be resent after 60 seconds, and the old code stops working", async () => {
    const subject = crypto.randomUUID();
    const mobile = freshMobile();
    const first = await issue(subject, mobile, t0);
    expect((await issue(subject, mobile, at(59))).result).toEqual({ ok: false, reason: "RESEND_TOO_SOON", retryAt: at(60) });
    const second = await issue(subject, mobile, at(60));
    expect(second.result.ok).toBe(true);
    if (first.code !== second.code) {
      expect(await verify(subject, first.code, at(61))).toMatchObject({ ok: false, reason: "WRONG_CODE" });
    }
    expect(await verify(subject, second.code, at(62))).toMatchObject({ ok: true, mobile });
  });

  it("sends at most three codes per number in 15 minutes, whoever asks", async () => {
    const mobile = freshMobile();
    for (let i = 0; i < 3; i++) expect((await issue(crypto.randomUUID(), mobile, at(i))).result.ok).toBe(true);
    expect((await issue(crypto.randomUUID(), mobile, at(300))).result).toEqual({
      ok: false,
      reason: "TOO_MANY_SENDS",
      retryAt: at(900),
    });
    expect((await issue(crypto.randomUUID(), mobile, at(901))).result.ok).toBe(true);
  });

  it("stores no code in clear", async () => {
    const subject = crypto.randomUUID();
    const { code } = await issue(subject, freshMobile(), t0);
    const row = await database.prisma().oneTimeCode.findFirst({ where: { subjectId: subject } });
    expect(JSON.stringify(row)).not.toContain(code);
  });
});
