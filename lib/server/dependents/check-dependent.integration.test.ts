import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@/lib/server/demo/seed-demo";
import { citizenApplicant } from "@/lib/server/requests/applicant";
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
    citizenApplicant({ db: database.prisma(), citizenId }).then((applicant) =>
      checkDependent({ db: database.prisma(), applicant, dependentNationalId, dependentBirthDate, relationship, declared, now: NOW }),
    );

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

  it("refuses a daughter the registry records as married, whatever was declared, and says why", async () => {
    // Zahra, 27, has a spouse in the registry; her father declares her unmarried and not employed.
    const result = await check(mohammad, "3406478425", "1378/04/18", "DAUGHTER", { unmarried: true, employed: false });
    expect(result).toMatchObject({ ok: false, reason: "INELIGIBLE", missingDeclarations: [] });
    if (!result.ok && result.reason === "INELIGIBLE") expect(result.reasons.join(" ")).toContain("طبق اطلاعات سازمان ثبت احوال، او ازدواج کرده است");
  });

  it("accepts a 77-year-old father the applicant supports", async () => {
    expect(await check(mohammad, "0344185230", "1328/03/14", "FATHER", { supported: true })).toMatchObject({ ok: true });
  });

  it("gives one answer for someone who is not the applicant's relative and for a birth date the registry does not match", async () => {
    const stranger = await check(mohammad, "0065463552", "1398/01/20", "SON");
    const wrongDate = await check(mohammad, "8933827374", "1391/07/10", "SON");
    expect(stranger).toEqual({ ok: false, reason: "NO_SUCH_RELATIVE" });
    expect(wrongDate).toEqual(stranger);
  });

  it("stops an account after ten look-ups that found no relative within an hour, while finding relatives costs nothing", async () => {
    const db = database.prisma();
    const kazem = (await db.citizenAccount.findUniqueOrThrow({ where: { nationalId: "7404642231" } })).id;
    // Guessing a stranger's birth date, day by day.
    const guesses = [];
    for (let day = 1; day <= 11; day++) guesses.push(await check(kazem, "0065463552", `1398/01/${String(day).padStart(2, "0")}`, "SON"));
    expect(guesses.slice(0, 10).every((result) => !result.ok && result.reason === "NO_SUCH_RELATIVE")).toBe(true);
    expect(guesses[10]).toMatchObject({ ok: false, reason: "LOCKED" });
    // A parallel burst on another account gets no more than ten registry answers.
    const ebrahim = (await db.citizenAccount.findUniqueOrThrow({ where: { nationalId: "7198108121" } })).id;
    const burst = await Promise.all(Array.from({ length: 15 }, (_, n) => check(ebrahim, "0065463552", `1397/02/${String(n + 1).padStart(2, "0")}`, "DAUGHTER")));
    expect(burst.filter((result) => !result.ok && result.reason === "NO_SUCH_RELATIVE").length).toBeLessThanOrEqual(10);
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
