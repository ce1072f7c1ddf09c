import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalFileStorage } from "@/lib/adapters/storage/local-file-storage";
import { seedDemo } from "@/lib/server/demo/seed-demo";
import { enrolDependent } from "@/lib/server/dependents/enrol-dependent";
import { createTestDatabase, testEngine, type TestDatabase } from "@/tests/support/test-database";
import { lookupRequestStatus } from "@/lib/server/requests/lookup-request-status";
import { getMyRequest } from "@/lib/server/requests/get-my-request";
import { listMyRequests } from "@/lib/server/requests/list-my-requests";
import { recordRegistration } from "@/lib/server/registration/submit-registration";
import { formatTrackingCode } from "@/lib/utils/tracking-code";
import { findBranchApplicant } from "./find-branch-applicant";
import type { StaffActor } from "./staff-access";

const NOW = new Date("2026-11-26T08:00:00Z");
// Family A of the demo: a pensioner of branch 1201 with a portal account, and his 14-year-old son.
const PENSIONER = "0012345679";
// Insured in branch 1201, never registered on the portal; 09196406037 is registered to him.
const WALK_IN = { nationalId: "2153119839", birthDate: "1375/08/01", mobile: "09196406037" };
const SON = { dependentNationalId: "8933827374", dependentBirthDate: "1391/07/09", relationship: "SON" as const, declared: {} };

describe(`finding an insured person of the branch, and filing on their behalf, on ${testEngine()}`, () => {
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

  const lookUp = async (personnelCode: string, nationalId: string, birthDate: string, mobile: string | null = null) =>
    findBranchApplicant({ db: database.prisma(), staff: await staff(personnelCode), nationalId, birthDate, mobile });

  it("an officer of the person's branch finds an account holder by national ID and birth date; the account's mobile gets the notices", async () => {
    const account = await database.prisma().citizenAccount.findUniqueOrThrow({ where: { nationalId: PENSIONER }, select: { id: true } });
    expect(await lookUp("120101", PENSIONER, "1354/06/20", "09190000000")).toEqual({
      found: true,
      applicant: { nationalId: PENSIONER, birthDate: "1354/06/20", citizenId: account.id, mobile: "09121234567", firstName: "محمد", lastName: "رضایی" },
    });
    expect(await lookUp("120190", PENSIONER, "1354/06/20")).toMatchObject({ found: true, applicant: { nationalId: PENSIONER } });
  });

  it("finds an insured person with no online account (a walk-in) through the civil registry, with a mobile the operator registers to them", async () => {
    expect(await lookUp("120101", WALK_IN.nationalId, WALK_IN.birthDate, WALK_IN.mobile)).toEqual({
      found: true,
      applicant: { ...WALK_IN, citizenId: null, firstName: "سعید", lastName: "کاظمی" },
    });
    expect(await lookUp("120101", WALK_IN.nationalId, WALK_IN.birthDate)).toMatchObject({ found: true, applicant: { mobile: null, citizenId: null } });
    // Someone else's number (the pensioner's) is refused: no notice may go there.
    expect(await lookUp("120101", WALK_IN.nationalId, WALK_IN.birthDate, "09121234567")).toEqual({ found: false, reason: "MOBILE_NOT_THEIRS" });
  });

  it("answers alike for another branch, a wrong birth date, someone not insured and a malformed code", async () => {
    const notHere = { found: false, reason: "NOT_HERE" };
    expect(await lookUp("120201", PENSIONER, "1354/06/20")).toEqual(notHere);
    expect(await lookUp("120101", PENSIONER, "1354/06/21")).toEqual(notHere);
    expect(await lookUp("120101", WALK_IN.nationalId, "1375/08/02")).toEqual(notHere);
    // In the registry, not insured, no account.
    expect(await lookUp("120201", "7546653241", "1369/07/07")).toEqual(notHere);
    expect(await lookUp("120201", "0012345678", "1354/06/20")).toEqual(notHere);
    expect(await lookUp("120201", "not a code", "1354/06/20")).toEqual(notHere);
  });

  it("refuses administrators, who do not work on files", async () => {
    await expect(lookUp("900001", PENSIONER, "1354/06/20")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("an enrolment filed by an officer is recorded as filed by them, with a STAFF first event and STAFF uploads", async () => {
    const db = database.prisma();
    const officer = await staff("120101");
    const found = await findBranchApplicant({ db, staff: officer, nationalId: PENSIONER, birthDate: "1354/06/20" });
    if (!found.found) throw new Error("expected the pensioner of branch 1201");
    const citizen = found.applicant;
    const { key, size } = await storage.put(Buffer.from("%PDF-1.7\n%test\n"));
    const stored = { key, size, type: { mime: "application/pdf" as const, extension: "pdf" as const }, fileName: "birth.pdf" };

    const result = await enrolDependent({
      db,
      storage,
      applicant: citizen,
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
      citizenId: citizen.citizenId,
      branch: { code: "1201" },
      enrolment: { filedByStaffId: officer.accountId, dependentNationalId: SON.dependentNationalId },
      events: [{ type: "SUBMITTED", actorKind: "STAFF", actorStaffId: officer.accountId }],
      documents: [{ uploadedBy: "STAFF" }],
    });
    // Recorded as filed on behalf, in the audit log the citizen reads.
    const audit = await db.auditEntry.findMany({ where: { requestId: result.requestId }, select: { action: true, staffId: true, subjectNationalId: true } });
    expect(audit).toEqual([{ action: "FILE_ON_BEHALF", staffId: officer.accountId, subjectNationalId: PENSIONER }]);
  });

  it("files for a walk-in without an account: the tracking code is texted to their own mobile, /track finds it, and it joins their account when they register", async () => {
    const db = database.prisma();
    const officer = await staff("120101");
    const found = await findBranchApplicant({ db, staff: officer, ...WALK_IN });
    if (!found.found) throw new Error("expected the walk-in of branch 1201");
    const { key, size } = await storage.put(Buffer.from("%PDF-1.7\n%test\n"));
    const stored = (name: string) => ({ key, size, type: { mime: "application/pdf" as const, extension: "pdf" as const }, fileName: name });
    // His wife is the married daughter of family A.
    const wife = { dependentNationalId: "3406478425", dependentBirthDate: "1378/04/18", relationship: "WIFE" as const, declared: {}, submissionId: crypto.randomUUID() };
    const probe = await enrolDependent({ db, storage, applicant: found.applicant, input: wife, documents: [], filedByStaffId: officer.accountId, now: NOW });
    if (probe.ok || !("missingDocuments" in probe)) throw new Error(`expected the checklist, got ${JSON.stringify(probe)}`);
    const documents = await Promise.all(
      probe.missingDocuments.map(async (kind) => {
        const file = await storage.put(Buffer.from(`%PDF-1.7\n%${kind}\n`));
        return { kind, stored: { ...stored(`${kind}.pdf`), key: file.key, size: file.size } };
      }),
    );
    const result = await enrolDependent({ db, storage, applicant: found.applicant, input: wife, documents, filedByStaffId: officer.accountId, now: NOW });
    if (!result.ok) throw new Error(`expected the wife to be filed, got ${JSON.stringify(result)}`);

    const request = await db.request.findUniqueOrThrow({ where: { id: result.requestId }, select: { applicantNationalId: true, citizenId: true, branch: { select: { code: true } } } });
    expect(request).toEqual({ applicantNationalId: WALK_IN.nationalId, citizenId: null, branch: { code: "1201" } });
    const texts = await db.smsMessage.findMany({ where: { to: WALK_IN.mobile }, select: { body: true, citizenId: true } });
    expect(texts).toEqual([{ body: expect.stringContaining(formatTrackingCode(result.trackingCode)), citizenId: null }]);
    expect(await lookupRequestStatus({ db, trackingCode: result.trackingCode, nationalId: WALK_IN.nationalId, ip: "198.51.100.7", now: NOW })).toMatchObject({
      found: true,
      status: "SUBMITTED",
    });

    // He registers later: the request filed at the branch is his, not his own earlier refused registrations.
    const draft = await db.registrationDraft.create({ data: { tokenHash: "f".repeat(64), nationalId: WALK_IN.nationalId, expiresAt: new Date(NOW.getTime() + 3_600_000) } });
    const registered = await recordRegistration({
      db,
      draftId: draft.id,
      applicant: { nationalId: WALK_IN.nationalId, mobile: WALK_IN.mobile, branchId: null },
      account: { email: null, firstName: "سعید", lastName: "کاظمی", fatherName: "رضا", birthDate: WALK_IN.birthDate, gender: "MALE", passwordHash: "x" },
      outcome: "APPROVED",
      now: NOW,
    });
    expect(registered.outcome).toBe("APPROVED");
    const account = await db.citizenAccount.findUniqueOrThrow({ where: { nationalId: WALK_IN.nationalId }, select: { id: true } });
    expect((await db.request.findUniqueOrThrow({ where: { id: result.requestId }, select: { citizenId: true } })).citizenId).toBe(account.id);
    const mine = await listMyRequests({ db, citizenId: account.id });
    expect(mine.rows.map((row) => row.id)).toContain(result.requestId);
    // His request page says it was filed at the branch, by whom and when.
    const detail = await getMyRequest({ db, citizenId: account.id, requestId: result.requestId, now: NOW });
    expect(detail.filedAtBranch).toEqual({ staffName: "مریم احمدی", branchName: "شعبه ۱ تهران", at: NOW });
  });
});
