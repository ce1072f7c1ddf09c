import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalFileStorage } from "@/lib/adapters/storage/local-file-storage";
import { seedDemo } from "@/lib/server/demo/seed-demo";
import { enrolDependent } from "@/lib/server/dependents/enrol-dependent";
import { createTestDatabase, testEngine, type TestDatabase } from "@/tests/support/test-database";
import { findBranchCitizen } from "./find-branch-citizen";
import type { StaffActor } from "./staff-access";

const NOW = new Date("2026-11-26T08:00:00Z");
// Family A of the demo: a pensioner of branch 1201 with a portal account, and his 14-year-old son.
const PENSIONER = "0012345679";
const SON = { dependentNationalId: "8933827374", dependentBirthDate: "1391/07/09", relationship: "SON" as const, declared: {} };

describe(`finding a citizen of the branch, and filing on their behalf, on ${testEngine()}`, () => {
  let database: TestDatabase;
  let storageRoot: string;
  let storage: LocalFileStorage;

  beforeAll(async () => {
    process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0000";
    database = await createTestDatabase();
    await seedDemo({ db: database.prisma() });
    storageRoot = fs.mkdtempSync(path.join(os.tmpdir(), "portal-on-behalf-"));
    storage = new LocalFileStorage({ root: storageRoot });
  });
  afterAll(async () => {
    await database.close();
    fs.rmSync(storageRoot, { recursive: true, force: true });
  });

  async function staff(personnelCode: string): Promise<StaffActor> {
    const row = await database.prisma().staffAccount.findUniqueOrThrow({ where: { personnelCode }, select: { id: true, role: true, branchId: true } });
    return { accountId: row.id, role: row.role, branchId: row.branchId };
  }

  it("an officer of the citizen's branch finds them by national ID", async () => {
    const citizen = await findBranchCitizen({ db: database.prisma(), staff: await staff("120101"), nationalId: PENSIONER });
    expect(citizen).toEqual({ id: expect.any(String), nationalId: PENSIONER, firstName: "محمد", lastName: "رضایی", mobile: "09121234567" });
  });

  it("the branch head finds them too", async () => {
    expect(await findBranchCitizen({ db: database.prisma(), staff: await staff("120190"), nationalId: PENSIONER })).toMatchObject({
      nationalId: PENSIONER,
    });
  });

  it("gives null alike for another branch's citizen, an insured person with no account, someone not insured and a malformed code", async () => {
    const db = database.prisma();
    const officer1202 = await staff("120201");
    expect(await findBranchCitizen({ db, staff: officer1202, nationalId: PENSIONER })).toBeNull();
    // Insured in 1201 but never registered on the portal.
    expect(await findBranchCitizen({ db, staff: await staff("120101"), nationalId: "2153119839" })).toBeNull();
    // In the registry, not insured, no account.
    expect(await findBranchCitizen({ db, staff: officer1202, nationalId: "7546653241" })).toBeNull();
    expect(await findBranchCitizen({ db, staff: officer1202, nationalId: "0012345678" })).toBeNull();
    expect(await findBranchCitizen({ db, staff: officer1202, nationalId: "not a code" })).toBeNull();
  });

  it("refuses administrators, who do not work on files", async () => {
    await expect(findBranchCitizen({ db: database.prisma(), staff: await staff("900001"), nationalId: PENSIONER })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("an enrolment filed by an officer is recorded as filed by them, with a STAFF first event and STAFF uploads", async () => {
    const db = database.prisma();
    const officer = await staff("120101");
    const citizen = await findBranchCitizen({ db, staff: officer, nationalId: PENSIONER });
    if (!citizen) throw new Error("expected the pensioner of branch 1201");
    const { key, size } = await storage.put(Buffer.from("%PDF-1.7\n%test\n"));
    const stored = { key, size, type: { mime: "application/pdf" as const, extension: "pdf" as const }, fileName: "birth.pdf" };

    const result = await enrolDependent({
      db,
      storage,
      citizenId: citizen.id,
      input: { ...SON, submissionId: crypto.randomUUID() },
      documents: [{ kind: "BIRTH_CERTIFICATE", stored }],
      filedByStaffId: officer.accountId,
      now: NOW,
    });
    if (!result.ok) throw new Error(`expected the son to be enrolled, got ${JSON.stringify(result)}`);

    const request = await db.request.findUniqueOrThrow({
      where: { id: result.requestId },
      select: {
        applicantNationalId: true,
        citizenId: true,
        branch: { select: { code: true } },
        enrolment: { select: { filedByStaffId: true, dependentNationalId: true } },
        events: { select: { type: true, actorKind: true, actorStaffId: true } },
        documents: { select: { uploadedBy: true } },
      },
    });
    expect(request).toEqual({
      applicantNationalId: PENSIONER,
      citizenId: citizen.id,
      branch: { code: "1201" },
      enrolment: { filedByStaffId: officer.accountId, dependentNationalId: SON.dependentNationalId },
      events: [{ type: "SUBMITTED", actorKind: "STAFF", actorStaffId: officer.accountId }],
      documents: [{ uploadedBy: "STAFF" }],
    });
    // Recorded as filed on behalf, in the audit log the citizen reads.
    const audit = await db.auditEntry.findMany({ where: { requestId: result.requestId }, select: { action: true, staffId: true, subjectNationalId: true } });
    expect(audit).toEqual([{ action: "FILE_ON_BEHALF", staffId: officer.accountId, subjectNationalId: PENSIONER }]);
  });
});
