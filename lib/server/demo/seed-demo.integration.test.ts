import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadRegistryFixture } from "@/lib/fixtures/civil-registry-fixture";
import { signInCitizen, signInStaff } from "@/lib/server/auth/sign-in";
import { createTestDatabase, testEngine, type TestDatabase } from "@/tests/support/test-database";
import { DEMO_BRANCHES, DEMO_CITIZEN_NATIONAL_IDS, DEMO_MANDATES, DEMO_PASSWORD, DEMO_STAFF } from "./demo-data";
import { seedDemo } from "./seed-demo";

describe(`demo seed on ${testEngine()}`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  const counts = async () => {
    const db = database.prisma();
    return {
      branches: await db.branch.count(),
      staff: await db.staffAccount.count(),
      citizens: await db.citizenAccount.count(),
      insurance: await db.insuranceRecord.count(),
      coverage: await db.coverage.count(),
    };
  };

  it("loads branches, staff, demo citizens and every insured person of the fixture", async () => {
    const summary = await seedDemo({ db: database.prisma() });
    const insured = loadRegistryFixture().filter((p) => p.insurance).length;
    const covered = loadRegistryFixture().filter((p) => p.coveredAsDependentOf).length;
    expect(await counts()).toEqual({
      coverage: covered,
      branches: DEMO_BRANCHES.length,
      staff: DEMO_STAFF.length,
      citizens: DEMO_CITIZEN_NATIONAL_IDS.length,
      insurance: insured,
    });
    expect(summary.created).toBe(DEMO_BRANCHES.length + DEMO_STAFF.length + DEMO_CITIZEN_NATIONAL_IDS.length + DEMO_MANDATES.length + insured + covered);
  });

  it("changes nothing when run a second time", async () => {
    const before = await counts();
    const staffBefore = await database.prisma().staffAccount.findMany({ orderBy: { personnelCode: "asc" } });
    const summary = await seedDemo({ db: database.prisma() });
    expect(summary.created).toBe(0);
    expect(await counts()).toEqual(before);
    expect(await database.prisma().staffAccount.findMany({ orderBy: { personnelCode: "asc" } })).toEqual(staffBefore);
  });

  it("lets the demo logins of the README sign in", async () => {
    const db = database.prisma();
    const officer = await signInStaff({ db, personnelCode: "120101", password: DEMO_PASSWORD, ip: "192.0.2.1" });
    expect(officer.ok).toBe(true);
    const citizen = await signInCitizen({ db, nationalId: DEMO_CITIZEN_NATIONAL_IDS[0], password: DEMO_PASSWORD, ip: "192.0.2.1" });
    expect(citizen.ok).toBe(true);
    expect((await signInStaff({ db, personnelCode: "120101", password: "wrong-password", ip: "192.0.2.1" })).ok).toBe(false);
  });
});
