import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createSession, resolveSession } from "@/lib/server/auth/sessions";
import { signInCitizen } from "@/lib/server/auth/sign-in";
import { seedDemo } from "@/lib/server/demo/seed-demo";
import { createTestDatabase, testEngine, type TestDatabase } from "@/tests/support/test-database";
import { startStubServer, type StubServer } from "@/tests/support/stub-server";
import { resetConfigForTests } from "@/lib/config";
import { confirmResetCode } from "./confirm-reset-code";
import { requestPasswordReset } from "./request-password-reset";
import { createResetTicket, findResetTicket } from "./reset-tickets";
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

  /** A flow started for `nationalId` and `mobile`, as the action starts it. */
  const ticketFor = async (nationalId: string, mobile: string) => {
    const db = database.prisma();
    const { token } = await createResetTicket({ db, nationalId, mobile });
    return (await findResetTicket({ db, token }))!;
  };

  it("sets the new password after the code and signs out every other session", async () => {
    const db = database.prisma();
    const account = (await db.citizenAccount.findUniqueOrThrow({ where: { nationalId: NATIONAL_ID } }));
    const oldSession = await createSession({ db, subject: { kind: "CITIZEN", citizenId: account.id } });
    const code = (await lastCodeTo(MOBILE))!;
    expect(await confirmResetCode({ db, ticket: await ticketFor(NATIONAL_ID, "09120000001"), code })).toEqual({ ok: false });
    const ticket = await ticketFor(NATIONAL_ID, MOBILE);
    const confirmed = await confirmResetCode({ db, ticket, code });
    expect(confirmed).toMatchObject({ ok: true });
    expect(await setNewPassword({ db, ticketId: ticket.id, password: "a brand new passphrase" })).toEqual({ ok: true });
    expect(await resolveSession({ db, sessionId: oldSession.id })).toBeNull();
    expect((await signInCitizen({ db, nationalId: NATIONAL_ID, password: "Tamin-Demo-1405", ip: "198.51.100.2" })).ok).toBe(false);
    expect((await signInCitizen({ db, nationalId: NATIONAL_ID, password: "a brand new passphrase", ip: "198.51.100.2" })).ok).toBe(true);
    const notice = await db.smsMessage.findFirst({ where: { to: MOBILE }, orderBy: { createdAt: "desc" } });
    expect(notice?.body).toContain("گذرواژه حساب شما");
  });

  it("uses a verified flow once: a replay sets nothing, and the token from before the code no longer names it", async () => {
    const db = database.prisma();
    const { token: before } = await createResetTicket({ db, nationalId: "7404642231", mobile: "09215760231" });
    await requestPasswordReset({ db, nationalId: "7404642231", mobile: "09215760231", ip: "198.51.100.3" });
    const ticket = (await findResetTicket({ db, token: before }))!;
    const confirmed = await confirmResetCode({ db, ticket, code: (await lastCodeTo("09215760231"))! });
    if (!confirmed.ok) throw new Error("the code was refused");
    expect(await findResetTicket({ db, token: before })).toBeNull();
    expect((await findResetTicket({ db, token: confirmed.token }))?.verifiedAccountId).toBeTruthy();
    expect(await setNewPassword({ db, ticketId: ticket.id, password: "first new passphrase here" })).toEqual({ ok: true });
    expect(await setNewPassword({ db, ticketId: ticket.id, password: "second new passphrase here" })).toEqual({ ok: false });
    expect(await findResetTicket({ db, token: confirmed.token })).toBeNull();
    expect((await signInCitizen({ db, nationalId: "7404642231", password: "first new passphrase here", ip: "198.51.100.4" })).ok).toBe(true);
  });

  it("answers a wrong code the same for a registered national ID and mobile as for an unknown pair", async () => {
    const db = database.prisma();
    await requestPasswordReset({ db, nationalId: "7198108121", mobile: "09372295848", ip: "198.51.100.5" });
    const registered = await confirmResetCode({ db, ticket: await ticketFor("7198108121", "09372295848"), code: "000000" });
    const unknown = await confirmResetCode({ db, ticket: await ticketFor("6658477736", "09374031287"), code: "000000" });
    expect(registered).toEqual({ ok: false });
    expect(unknown).toEqual(registered);
  });

  it("answers at once and the same whether or not the pair is registered, with the SMS gateway down", async () => {
    const db = database.prisma();
    const gateway: StubServer = await startStubServer(async () => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      return { status: 503 };
    });
    const saved = { ...process.env };
    Object.assign(process.env, { SMS_PROVIDER: "http", SMS_HTTP_URL: gateway.url, SMS_TIMEOUT_MS: "3000" });
    resetConfigForTests();
    try {
      const deferred: (() => Promise<void>)[] = [];
      const timed = async (nationalId: string, mobile: string, ip: string) => {
        const started = performance.now();
        const result = await requestPasswordReset({ db, nationalId, mobile, ip, schedule: (task) => void deferred.push(task) });
        return { result, ms: performance.now() - started };
      };
      const registered = await timed("6978758371", "09128207763", "198.51.100.6");
      const unknown = await timed("9633169380", "09100000000", "198.51.100.7");
      expect(registered.result).toEqual({ status: "ACCEPTED" });
      expect(unknown.result).toEqual(registered.result);
      // The gateway's 1.5 s is spent after the answer, by the scheduled task, for both.
      expect(registered.ms).toBeLessThan(1000);
      expect(unknown.ms).toBeLessThan(1000);
      expect(deferred).toHaveLength(2);
      const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
      await Promise.all(deferred.map((task) => task()));
      expect(warn.mock.calls.flat().join(" ")).toContain("password reset: no code sent");
      warn.mockRestore();
    } finally {
      process.env = saved;
      resetConfigForTests();
      await gateway.close();
    }
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
