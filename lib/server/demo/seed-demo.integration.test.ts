import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadRegistryFixture } from "@/lib/fixtures/civil-registry-fixture";
import { signInCitizen, signInStaff } from "@/lib/server/auth/sign-in";
import { createTestDatabase, testEngine, type TestDatabase } from "@/tests/support/test-database";
import { bookableDays, VISIT_SLOT_HOURS } from "@/lib/domain/branch-visits";
import { getWorkCalendar } from "@/lib/server/calendar/get-work-calendar";
import { listFreeSlots } from "@/lib/server/visits/list-free-slots";
import { DEMO_BRANCHES, DEMO_CITIZEN_NATIONAL_IDS, DEMO_MANDATES, DEMO_PASSWORD, DEMO_STAFF } from "./demo-data";
import { seedDemo } from "./seed-demo";

// Wednesday 11 Azar 1405, 11:00 in Tehran.
const NOW = new Date("2026-12-02T07:30:00Z");

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
      visitSlots: await db.branchVisitSlot.count(),
    };
  };

  it("loads branches, staff, demo citizens and every insured person of the fixture", async () => {
    const summary = await seedDemo({ db: database.prisma(), now: NOW });
    const days = bookableDays(NOW, await getWorkCalendar({ db: database.prisma(), now: NOW }));
    const slots = DEMO_BRANCHES.length * days.length * VISIT_SLOT_HOURS.length;
    const insured = loadRegistryFixture().filter((p) => p.insurance).length;
    const covered = loadRegistryFixture().filter((p) => p.coveredAsDependentOf).length;
    expect(await counts()).toEqual({
      coverage: covered,
      branches: DEMO_BRANCHES.length,
      staff: DEMO_STAFF.length,
      citizens: DEMO_CITIZEN_NATIONAL_IDS.length,
      insurance: insured,
      visitSlots: slots,
    });
    expect(summary.created).toBe(DEMO_BRANCHES.length + DEMO_STAFF.length + DEMO_CITIZEN_NATIONAL_IDS.length + DEMO_MANDATES.length + insured + covered + slots);
    // Every branch of the demo has bookable slots on every working day ahead, and on no other.
    for (const branch of await database.prisma().branch.findMany({ select: { id: true } })) {
      const offered = await listFreeSlots({ db: database.prisma(), branchId: branch.id, now: NOW });
      expect(offered.map((d) => d.day)).toEqual(days);
      expect(offered.every((d) => d.slots.length === VISIT_SLOT_HOURS.length)).toBe(true);
    }
  });

  it("changes nothing when run a second time", async () => {
    const before = await counts();
    const staffBefore = await database.prisma().staffAccount.findMany({ orderBy: { personnelCode: "asc" } });
    const summary = await seedDemo({ db: database.prisma(), now: NOW });
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
