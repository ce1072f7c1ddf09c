import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@/lib/server/demo/seed-demo";
import { createTestDatabase, testEngine, type TestDatabase } from "@/tests/support/test-database";
import { checkDependent } from "./check-dependent";

// 1405/09/05 in Tehran, the day the fixture's ages are counted from.
const NOW = new Date("2026-11-26T08:00:00Z");

describe(`checking a dependent before upload on ${testEngine()}`, () => {
  let database: TestDatabase;
  let mohammad: string; // pensioner, family A
  let zeinab: string; // insured mother, family F

  beforeAll(async () => {
    database = await createTestDatabase();
    const db = database.prisma();
    await seedDemo({ db });
    mohammad = (await db.citizenAccount.findUniqueOrThrow({ where: { nationalId: "0012345679" } })).id;
    zeinab = (await db.citizenAccount.findUniqueOrThrow({ where: { nationalId: "6978758371" } })).id; // a demo account
  });
  afterAll(() => database.close());

  const check = (citizenId: string, dependentNationalId: string, dependentBirthDate: string, relationship: Parameters<typeof checkDependent>[0]["relationship"], declared = {}) =>
    checkDependent({ db: database.prisma(), citizenId, dependentNationalId, dependentBirthDate, relationship, declared, now: NOW });

  it("accepts a 14-year-old son with his documents", async () => {
    const result = await check(mohammad, "8933827374", "1391/07/09", "SON");
    expect(result).toMatchObject({ ok: true, rule: "SON_UNDER_18", duplicate: null });
    if (result.ok) expect(result.dependent.firstName).toBe("پارسا");
  });

  it("asks a 19-year-old son's studies, then accepts him when declared", async () => {
    const first = await check(mohammad, "9209769491", "1386/02/15", "SON");
    expect(first).toMatchObject({ ok: false, reason: "INELIGIBLE" });
    if (!first.ok && first.reason === "INELIGIBLE") expect(first.missingDeclarations).toContain("studying");
    expect(await check(mohammad, "9209769491", "1386/02/15", "SON", { studying: true })).toMatchObject({ ok: true, rule: "SON_18_20_STUDYING" });
  });

  it("refuses a 24-year-old son who is not disabled, naming the rule", async () => {
    const result = await check(mohammad, "1186782714", "1381/01/25", "SON", { disabled: false, studying: true });
    expect(result.ok).toBe(false);
    if (!result.ok && result.reason === "INELIGIBLE") expect(result.reasons.join(" ")).toMatch(/پسر/);
  });

  it("accepts a 77-year-old father the applicant supports", async () => {
    expect(await check(mohammad, "0344185230", "1328/03/14", "FATHER", { supported: true })).toMatchObject({ ok: true });
  });

  it("refuses someone who is not the applicant's relative, and a wrong birth date as not in the registry", async () => {
    expect(await check(mohammad, "0065463552", "1398/01/20", "SON")).toMatchObject({ ok: false, reason: "NOT_RELATED" });
    expect(await check(mohammad, "8933827374", "1391/07/10", "SON")).toEqual({ ok: false, reason: "NOT_IN_REGISTRY" });
  });

  it("refuses the applicant's already covered wife", async () => {
    expect(await check(mohammad, "6232911776", "1357/02/11", "WIFE")).toEqual({ ok: false, reason: "ALREADY_COVERED" });
  });

  it("flags a daughter already covered under the other parent, and still lets the request go to staff", async () => {
    expect(await check(zeinab, "3225219045", "1394/06/10", "DAUGHTER", { unmarried: true, employed: false })).toMatchObject({
      ok: true,
      duplicate: { kind: "COVERED", insuredNationalId: "0541604589" },
    });
  });
});
