import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, testEngine, type TestDatabase } from "@/tests/support/test-database";
import { hashPassword } from "./password";
import { signInStaff } from "./sign-in";

const PASSWORD = "a long enough passphrase";
const t0 = new Date("2026-12-01T08:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

// Personnel codes are guessable (branch + two digits): a stranger failing five
// times must not keep the staff member out (issue 17, finding 2).
describe(`staff accounts under guessing on ${testEngine()}`, () => {
  let database: TestDatabase;
  let branchId: string;

  beforeAll(async () => {
    process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0000";
    database = await createTestDatabase();
    const branch = await database.prisma().branch.create({
      data: { code: "9902", name: "شعبه آزمایشی", province: "تهران", city: "تهران", address: "-", phone: "02100000000" },
    });
    branchId = branch.id;
  });
  afterAll(() => database.close());

  const newStaff = async (personnelCode: string) =>
    database.prisma().staffAccount.create({
      data: { personnelCode, firstName: "مریم", lastName: "احمدی", role: "OFFICER", branchId, passwordHash: await hashPassword(PASSWORD), mobile: "09011234567" },
      select: { id: true },
    });
  const attempt = (personnelCode: string, password: string, ip: string, now: Date) => signInStaff({ db: database.prisma(), personnelCode, password, ip, now });

  it("locks a staff account only for the network the failures came from", async () => {
    await newStaff("990201");
    for (let n = 0; n < 5; n++) expect(await attempt("990201", "wrong", "203.0.113.50", at(n))).toEqual({ ok: false, reason: "INVALID" });
    expect(await attempt("990201", PASSWORD, "203.0.113.50", at(5))).toMatchObject({ ok: false, reason: "LOCKED", lockedBy: "ACCOUNT" });
    // The staff member, at the branch, signs in.
    expect(await attempt("990201", PASSWORD, "192.0.2.10", at(5))).toMatchObject({ ok: true });
  });

  it("locks the account everywhere after thirty failures from many networks in an hour, and alerts once", async () => {
    const { id } = await newStaff("990202");
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    for (let n = 0; n < 30; n++) {
      // Five networks of six failures each would lock each network; six of five do not.
      expect(await attempt("990202", "wrong", `198.51.100.${Math.floor(n / 5)}`, at(n)), `failure ${n + 1}`).toEqual({ ok: false, reason: "INVALID" });
    }
    expect(await attempt("990202", PASSWORD, "192.0.2.11", at(31))).toMatchObject({ ok: false, reason: "LOCKED", lockedBy: "EVERYWHERE" });
    expect(await attempt("990202", "wrong", "192.0.2.12", at(32))).toMatchObject({ ok: false, reason: "LOCKED", lockedBy: "EVERYWHERE" });
    const events = await database.prisma().securityEvent.findMany({ where: { staffId: id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ kind: "STAFF_SIGN_IN_BURST" });
    const sms = await database.prisma().smsMessage.findMany({ where: { to: "09011234567" } });
    expect(sms.map((message) => message.body).join(" ")).toContain("تلاش‌های ناموفق ورود از چند شبکه");
    expect(warn.mock.calls.flat().join(" ")).toContain("staff sign-in burst: personnel code 990202");
    warn.mockRestore();
    // An hour after the thirtieth failure it opens.
    expect(await attempt("990202", PASSWORD, "192.0.2.11", at(29 + 60))).toMatchObject({ ok: true });
  });
});
