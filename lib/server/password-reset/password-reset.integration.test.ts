import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession, resolveSession } from "@/lib/server/auth/sessions";
import { signInCitizen } from "@/lib/server/auth/sign-in";
import { seedDemo } from "@/lib/server/demo/seed-demo";
import { createTestDatabase, testEngine, type TestDatabase } from "@/tests/support/test-database";
import { confirmResetCode } from "./confirm-reset-code";
import { requestPasswordReset } from "./request-password-reset";
import { setNewPassword } from "./set-new-password";

const NATIONAL_ID = "1028765967";
const MOBILE = "09193268957";

describe(`password reset on ${testEngine()}`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0000";
    database = await createTestDatabase();
    await seedDemo({ db: database.prisma() });
  });
  afterAll(() => database.close());

  const lastCodeTo = async (mobile: string) => {
    const message = await database.prisma().smsMessage.findFirst({ where: { to: mobile }, orderBy: { createdAt: "desc" } });
    return /(\d{6})/.exec(message?.body ?? "")?.[1] ?? null;
  };

  it("answers the same whether or not the national ID and mobile match, and sends a code only when they do", async () => {
    const db = database.prisma();
    expect(await requestPasswordReset({ db, nationalId: NATIONAL_ID, mobile: "09120000001", ip: "198.51.100.1" })).toEqual({ status: "ACCEPTED" });
    expect(await db.smsMessage.count({ where: { to: "09120000001" } })).toBe(0);
    expect(await requestPasswordReset({ db, nationalId: "6658477736", mobile: "09374031287", ip: "198.51.100.1" })).toEqual({ status: "ACCEPTED" });
    expect(await db.smsMessage.count({ where: { to: "09374031287" } })).toBe(0);
    expect(await requestPasswordReset({ db, nationalId: NATIONAL_ID, mobile: MOBILE, ip: "198.51.100.1" })).toEqual({ status: "ACCEPTED" });
    expect(await lastCodeTo(MOBILE)).toMatch(/^\d{6}$/);
  });

  it("sets the new password after the code and signs out every other session", async () => {
    const db = database.prisma();
    const account = (await db.citizenAccount.findUniqueOrThrow({ where: { nationalId: NATIONAL_ID } }));
    const oldSession = await createSession({ db, subject: { kind: "CITIZEN", citizenId: account.id } });
    const code = (await lastCodeTo(MOBILE))!;

    expect(await confirmResetCode({ db, nationalId: NATIONAL_ID, mobile: "09120000001", code })).toEqual({ ok: false, reason: "NO_CODE" });
    const confirmed = await confirmResetCode({ db, nationalId: NATIONAL_ID, mobile: MOBILE, code });
    expect(confirmed).toEqual({ ok: true, accountId: account.id });

    await setNewPassword({ db, accountId: account.id, password: "a brand new passphrase" });
    expect(await resolveSession({ db, sessionId: oldSession.id })).toBeNull();
    expect((await signInCitizen({ db, nationalId: NATIONAL_ID, password: "Tamin-Demo-1405", ip: "198.51.100.2" })).ok).toBe(false);
    expect((await signInCitizen({ db, nationalId: NATIONAL_ID, password: "a brand new passphrase", ip: "198.51.100.2" })).ok).toBe(true);
    const notice = await db.smsMessage.findFirst({ where: { to: MOBILE }, orderBy: { createdAt: "desc" } });
    expect(notice?.body).toContain("گذرواژه حساب شما");
  });

  it("limits reset requests per account", async () => {
    const db = database.prisma();
    const results = [];
    for (let i = 0; i < 6; i++) {
      results.push(await requestPasswordReset({ db, nationalId: "0012345679", mobile: "09120000002", ip: `198.51.100.${10 + i}` }));
    }
    expect(results.slice(0, 5).every((r) => r.status === "ACCEPTED")).toBe(true);
    expect(results[5]?.status).toBe("LOCKED");
  });
});
