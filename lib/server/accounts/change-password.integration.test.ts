import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession, resolveSession } from "@/lib/server/auth/sessions";
import { seedDemo } from "@/lib/server/demo/seed-demo";
import { createTestDatabase, testEngine, type TestDatabase } from "@/tests/support/test-database";
import { changePassword } from "./change-password";

describe(`changing one's password on ${testEngine()}`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0000";
    database = await createTestDatabase();
    await seedDemo({ db: database.prisma() });
  });
  afterAll(() => database.close());

  const accountOf = (nationalId: string) => database.prisma().citizenAccount.findUniqueOrThrow({ where: { nationalId }, select: { id: true } });

  it("checks at most five current passwords of a parallel burst, then refuses even the right one", async () => {
    const db = database.prisma();
    const { id } = await accountOf("7198108121");
    const session = await createSession({ db, subject: { kind: "CITIZEN", citizenId: id } });
    const attempt = (currentPassword: string) =>
      changePassword({ db, accountId: id, sessionId: session.id, currentPassword, newPassword: "a long new passphrase 1" });
    const results = await Promise.all(Array.from({ length: 10 }, (_, n) => attempt(`wrong-${n}`)));
    const checked = results.filter((result) => !result.ok && result.reason === "WRONG_CURRENT").length;
    const locked = results.filter((result) => !result.ok && result.reason === "LOCKED").length;
    expect(checked + locked).toBe(10);
    expect(checked).toBeLessThanOrEqual(5);
    expect(await attempt("Tamin-Demo-1405")).toMatchObject({ ok: false, reason: "LOCKED" });
  });

  it("changes the password with the right current one and ends every other session", async () => {
    const db = database.prisma();
    const { id } = await accountOf("7404642231");
    const current = await createSession({ db, subject: { kind: "CITIZEN", citizenId: id } });
    const other = await createSession({ db, subject: { kind: "CITIZEN", citizenId: id } });
    expect(
      await changePassword({ db, accountId: id, sessionId: current.id, currentPassword: "Tamin-Demo-1405", newPassword: "a long new passphrase 2" }),
    ).toEqual({ ok: true });
    expect(await resolveSession({ db, sessionId: other.id })).toBeNull();
    expect(await resolveSession({ db, sessionId: current.id })).not.toBeNull();
  });
});
