import "server-only";
import { sealSecret } from "@/lib/server/second-factor/secret-box";
import type { Db } from "@/lib/server/db/prisma";
import type { Relationship } from "@/lib/generated/prisma/enums";
import { loadRegistryFixture } from "@/lib/fixtures/civil-registry-fixture";
import { hashPassword } from "@/lib/server/auth/password";
import crypto from "node:crypto";
import { bookableDays, slotStart, VISIT_SLOT_HOURS } from "@/lib/domain/branch-visits";
import { mandateEndsAt } from "@/lib/domain/mandates";
import { getWorkCalendar } from "@/lib/server/calendar/get-work-calendar";
import { DEMO_BRANCHES, DEMO_CITIZEN_NATIONAL_IDS, DEMO_MANDATES, DEMO_PASSWORD, DEMO_STAFF, DEMO_VISIT_CAPACITY } from "./demo-data";

export type SeedSummary = { branches: number; staff: number; citizens: number; insuranceRecords: number; coverage: number; created: number };

export const describeSeed = (s: SeedSummary) =>
  `Demo data: ${s.branches} branches, ${s.staff} staff accounts, ${s.citizens} citizen accounts, ${s.insuranceRecords} insurance records, ${s.coverage} covered dependents (${s.created} rows added now).`;

/**
 * Loads the demo branches, staff accounts and insurance records, and opens the
 * branches' visit slots of the days ahead. Idempotent: rows that exist are left
 * as they are (a staff member's changed password, a head's capacity survive).
 */
export async function seedDemo({ db, fixturePath, now = new Date() }: { db: Db; fixturePath?: string; now?: Date }): Promise<SeedSummary> {
  const persons = loadRegistryFixture(fixturePath);
  let created = 0;

  const branchIds = new Map<string, string>();
  for (const branch of DEMO_BRANCHES) {
    const existing = await db.branch.findUnique({ where: { code: branch.code }, select: { id: true } });
    if (existing) {
      branchIds.set(branch.code, existing.id);
      continue;
    }
    const row = await db.branch.create({ data: { ...branch }, select: { id: true } });
    branchIds.set(branch.code, row.id);
    created++;
  }
  const branchId = (code: string) => {
    const id = branchIds.get(code);
    if (!id) throw new Error(`The fixture names unknown branch ${code}`);
    return id;
  };

  const existingStaff = new Set(
    (await db.staffAccount.findMany({ select: { personnelCode: true } })).map((s) => s.personnelCode),
  );
  const missingStaff = DEMO_STAFF.filter((s) => !existingStaff.has(s.personnelCode));
  if (missingStaff.length > 0) {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    await db.staffAccount.createMany({
      data: missingStaff.map(({ branchCode, totpSecret: _secret, ...staff }) => ({
        ...staff,
        branchId: branchCode ? branchId(branchCode) : null,
        passwordHash,
      })),
      skipDuplicates: true,
    });
    // Their authenticators, already confirmed (the README publishes the secrets).
    const ids = await db.staffAccount.findMany({ where: { personnelCode: { in: missingStaff.map((s) => s.personnelCode) } }, select: { id: true, personnelCode: true } });
    const secretOf = new Map<string, string | null>(missingStaff.map((s) => [s.personnelCode, s.totpSecret]));
    await db.secondFactor.createMany({
      data: ids.flatMap(({ id, personnelCode }) => {
        const secret = secretOf.get(personnelCode);
        return secret ? [{ staffId: id, secretEncrypted: sealSecret(secret), confirmedAt: new Date() }] : [];
      }),
      skipDuplicates: true,
    });
    created += missingStaff.length;
  }

  const insured = persons.filter((p) => p.insurance !== null);
  const result = await db.insuranceRecord.createMany({
    data: insured.map((p) => ({
      nationalId: p.nationalId,
      insuranceNumber: p.insurance!.insuranceNumber,
      kind: p.insurance!.kind === "pensioner" ? "PENSIONER" : "INSURED",
      branchId: branchId(p.insurance!.branchCode),
    })),
    skipDuplicates: true,
  });
  created += result.count;

  // Coverage that existed before the portal (the fixture's coveredAsDependentOf).
  const byId = new Map(persons.map((p) => [p.nationalId, p]));
  const coverage = persons.flatMap((dependent) => {
    const insured = dependent.coveredAsDependentOf ? byId.get(dependent.coveredAsDependentOf) : undefined;
    if (!insured) return [];
    const relationship = relationshipOf(insured, dependent);
    return relationship
      ? [{ insuredNationalId: insured.nationalId, dependentNationalId: dependent.nationalId, relationship, firstName: dependent.firstName, lastName: dependent.lastName }]
      : [];
  });
  created += (await db.coverage.createMany({ data: coverage, skipDuplicates: true })).count;
  // Demo databases seeded before coverage kept names get them from the registry fixture.
  for (const row of coverage) {
    await db.coverage.updateMany({
      where: { insuredNationalId: row.insuredNationalId, dependentNationalId: row.dependentNationalId, firstName: null },
      data: { firstName: row.firstName, lastName: row.lastName },
    });
  }

  const existingCitizens = new Set(
    (
      await db.citizenAccount.findMany({
        where: { nationalId: { in: [...DEMO_CITIZEN_NATIONAL_IDS] } },
        select: { nationalId: true },
      })
    ).map((c) => c.nationalId),
  );
  const missingCitizens = DEMO_CITIZEN_NATIONAL_IDS.filter((id) => !existingCitizens.has(id));
  if (missingCitizens.length > 0) {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    for (const nationalId of missingCitizens) {
      const person = persons.find((p) => p.nationalId === nationalId);
      if (!person?.mobile) throw new Error(`Demo citizen ${nationalId} must be in the fixture with a mobile`);
      await db.citizenAccount.create({
        data: {
          nationalId,
          mobile: person.mobile,
          firstName: person.firstName,
          lastName: person.lastName,
          fatherName: person.fatherName,
          birthDate: person.birthDate,
          gender: person.gender === "male" ? "MALE" : "FEMALE",
          passwordHash,
        },
        select: { id: true },
      });
      created++;
    }
  }

  for (const demo of DEMO_MANDATES) {
    const [helper, principal] = await Promise.all(
      [demo.helperNationalId, demo.principalNationalId].map((nationalId) =>
        db.citizenAccount.findUniqueOrThrow({ where: { nationalId }, select: { id: true } }),
      ),
    );
    const existing = await db.mandate.findFirst({ where: { helperId: helper!.id, principalId: principal!.id }, select: { id: true } });
    if (existing) continue;
    const grantedAt = new Date();
    await db.mandate.create({
      data: {
        helperId: helper!.id,
        principalId: principal!.id,
        principalNationalId: demo.principalNationalId,
        scopes: [...demo.scopes],
        endsAt: mandateEndsAt(grantedAt, 12),
        createdAt: grantedAt,
        grantedAt,
        events: {
          create: [
            { type: "REQUESTED", at: grantedAt, actorCitizenId: helper!.id },
            { type: "GRANTED", at: new Date(grantedAt.getTime() + 1), actorCitizenId: principal!.id },
          ],
        },
      },
      select: { id: true },
    });
    created++;
  }

  const days = bookableDays(now, await getWorkCalendar({ db, now }));
  for (const branch of DEMO_BRANCHES) {
    for (const day of days) {
      for (const hour of VISIT_SLOT_HOURS) {
        created += await db.$executeRaw`
          INSERT INTO "BranchVisitSlot" ("id", "branchId", "day", "startsAt", "capacity", "booked")
          VALUES (${crypto.randomUUID()}::uuid, ${branchId(branch.code)}::uuid, ${day}::date, ${slotStart(day, hour)}, ${DEMO_VISIT_CAPACITY[branch.code]}, 0)
          ON CONFLICT ("branchId", "startsAt") DO NOTHING`;
      }
    }
  }

  const summary: SeedSummary = {
    branches: DEMO_BRANCHES.length,
    staff: DEMO_STAFF.length,
    citizens: DEMO_CITIZEN_NATIONAL_IDS.length,
    insuranceRecords: insured.length,
    coverage: coverage.length,
    created,
  };
  return summary;
}

type Person = ReturnType<typeof loadRegistryFixture>[number];

/** How `dependent` is related to `insured`, from the registry's links. */
function relationshipOf(insured: Person, dependent: Person): Relationship | null {
  if (dependent.spouseNationalId === insured.nationalId) return dependent.gender === "female" ? "WIFE" : "HUSBAND";
  if (dependent.fatherNationalId === insured.nationalId || dependent.motherNationalId === insured.nationalId) {
    return dependent.gender === "male" ? "SON" : "DAUGHTER";
  }
  if (insured.fatherNationalId === dependent.nationalId) return "FATHER";
  if (insured.motherNationalId === dependent.nationalId) return "MOTHER";
  return null;
}
