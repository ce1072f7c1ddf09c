import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { signInStaff } from "@/lib/server/auth/sign-in";
import { seedDemo } from "@/lib/server/demo/seed-demo";
import { createTestDatabase, testEngine, type TestDatabase } from "@/tests/support/test-database";
import { confirmStaffUnlock, requestStaffUnlock } from "./staff-unlock";

const PASSWORD = "Tamin-Demo-1405";

describe(`a staff member unlocks their own account by SMS on ${testEngine()}`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0000";
    database = await createTestDatabase();
    await seedDemo({ db: database.prisma() });
  });
  afterAll(() => database.close());

  it("lifts the account-wide lock with the code sent to the registered mobile, and answers the same for an unknown code", async () => {
    const db = database.prisma();
    const now = new Date();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    for (let n = 0; n < 30; n++) await signInStaff({ db, personnelCode: "120102", password: "wrong", ip: `198.51.100.${Math.floor(n / 5)}`, now });
    expect(await signInStaff({ db, personnelCode: "120102", password: PASSWORD, ip: "192.0.2.1", now })).toMatchObject({ reason: "LOCKED", lockedBy: "EVERYWHERE" });

    expect(await requestStaffUnlock({ db, personnelCode: "129999", ip: "192.0.2.1", now })).toEqual({ status: "ACCEPTED" });
    expect(await requestStaffUnlock({ db, personnelCode: "120102", ip: "192.0.2.1", now })).toEqual({ status: "ACCEPTED" });
    const sms = await db.smsMessage.findFirst({ where: { to: "09011200102" }, orderBy: { createdAt: "desc" } });
    const code = /(\d{6})/.exec(sms?.body ?? "")?.[1] ?? "";
    expect(sms?.body).toContain("باز کردن قفل ورود کارکنان");

    expect(await confirmStaffUnlock({ db, personnelCode: "129999", code, now })).toEqual({ ok: false });
    expect(await confirmStaffUnlock({ db, personnelCode: "120102", code, now })).toEqual({ ok: true });
    expect(await signInStaff({ db, personnelCode: "120102", password: PASSWORD, ip: "192.0.2.1", now })).toMatchObject({ ok: true });
    expect(await db.auditEntry.count({ where: { action: "UNLOCK_STAFF", detail: "SMS code" } })).toBe(1);
    warn.mockRestore();
  });
});
