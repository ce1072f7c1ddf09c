import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalFileStorage } from "@/lib/adapters/storage/local-file-storage";
import { seedDemo } from "@/lib/server/demo/seed-demo";
import { addRequestEvent } from "@/lib/server/requests/add-request-event";
import { citizenApplicant } from "@/lib/server/requests/applicant";
import { createTestDatabase, testEngine, type TestDatabase } from "@/tests/support/test-database";
import { enrolDependent } from "./enrol-dependent";
import { listMyDependents } from "./list-my-dependents";

const NOW = new Date("2026-11-26T08:00:00Z");

describe(`listing my dependents on ${testEngine()}`, () => {
  let database: TestDatabase;
  let storageRoot: string;
  let storage: LocalFileStorage;
  let mohammad: string; // pensioner, family A; his wife is covered from before the portal
  let zeinab: string; // insured mother, family F

  beforeAll(async () => {
    process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0000";
    database = await createTestDatabase();
    const db = database.prisma();
    await seedDemo({ db });
    storageRoot = fs.mkdtempSync(path.join(os.tmpdir(), "portal-list-dependents-"));
    storage = new LocalFileStorage({ root: storageRoot });
    mohammad = (await db.citizenAccount.findUniqueOrThrow({ where: { nationalId: "0012345679" } })).id;
    zeinab = (await db.citizenAccount.findUniqueOrThrow({ where: { nationalId: "6978758371" } })).id; // a demo account
  });
  afterAll(async () => {
    await database.close();
    fs.rmSync(storageRoot, { recursive: true, force: true });
  });

  async function pdf() {
    const { key, size } = await storage.put(Buffer.from("%PDF-1.7\n%test\n"));
    return { key, size, type: { mime: "application/pdf" as const, extension: "pdf" as const }, fileName: "doc.pdf" };
  }

  it("names coverage from before the portal as the registry gives it (national ID masked), and no requests yet", async () => {
    const mine = await listMyDependents({ db: database.prisma(), citizenId: mohammad });
    expect(mine.requests).toEqual([]);
    expect(mine.covered).toEqual([
      expect.objectContaining({ dependentNationalId: "6232911776", maskedNationalId: "******1776", relationship: "WIFE", firstName: "فاطمه", lastName: "احمدی" }),
    ]);
  });

  it("lists enrolment requests newest first, and names the dependent once approved", async () => {
    const db = database.prisma();
    const son = await enrolDependent({
      db,
      storage,
      applicant: await citizenApplicant({ db, citizenId: mohammad }),
      input: { dependentNationalId: "8933827374", dependentBirthDate: "1391/07/09", relationship: "SON", declared: {}, submissionId: crypto.randomUUID() },
      documents: [{ kind: "BIRTH_CERTIFICATE", stored: await pdf() }],
      now: NOW,
    });
    const father = await enrolDependent({
      db,
      storage,
      applicant: await citizenApplicant({ db, citizenId: mohammad }),
      input: { dependentNationalId: "0344185230", dependentBirthDate: "1328/03/14", relationship: "FATHER", declared: { supported: true }, submissionId: crypto.randomUUID() },
      documents: await Promise.all((["BIRTH_CERTIFICATE", "NATIONAL_CARD", "SUPPORT_DECLARATION"] as const).map(async (kind) => ({ kind, stored: await pdf() }))),
      now: new Date(NOW.getTime() + 60_000),
    });
    if (!son.ok || !father.ok) throw new Error("expected both requests to be filed");

    const pending = await listMyDependents({ db, citizenId: mohammad });
    expect(pending.requests.map((r) => [r.requestId, r.relationship, r.firstName, r.status])).toEqual([
      [father.requestId, "FATHER", "حسین", "SUBMITTED"],
      [son.requestId, "SON", "پارسا", "SUBMITTED"],
    ]);
    expect(pending.requests[0]).toMatchObject({ trackingCode: father.trackingCode, lastName: expect.any(String) });
    expect(pending.requests[0]!.dueAt).toBeInstanceOf(Date);

    await addRequestEvent({ db, requestId: son.requestId, expectedStatus: "SUBMITTED", event: { type: "APPROVED", actorKind: "STAFF" } });
    const approved = await listMyDependents({ db, citizenId: mohammad });
    expect(approved.covered).toEqual(
      expect.arrayContaining([expect.objectContaining({ dependentNationalId: "8933827374", relationship: "SON", firstName: "پارسا" })]),
    );
    expect(approved.covered).toHaveLength(2);
    expect(approved.requests.find((r) => r.requestId === son.requestId)?.status).toBe("APPROVED");
  });

  it("shows a citizen only their own dependents and requests, not a duplicate filed by someone else", async () => {
    const db = database.prisma();
    // Zeinab's daughter is covered under her father already: her request is flagged, and stays hers alone.
    const daughter = await enrolDependent({
      db,
      storage,
      applicant: await citizenApplicant({ db, citizenId: zeinab }),
      input: {
        dependentNationalId: "3225219045",
        dependentBirthDate: "1394/06/10",
        relationship: "DAUGHTER",
        declared: { unmarried: true, employed: false },
        submissionId: crypto.randomUUID(),
      },
      documents: await Promise.all((["BIRTH_CERTIFICATE", "SINGLE_STATUS", "NO_EMPLOYMENT"] as const).map(async (kind) => ({ kind, stored: await pdf() }))),
      now: NOW,
    });
    if (!daughter.ok) throw new Error("expected the daughter's request to be filed");
    expect((await db.dependentEnrolment.findUniqueOrThrow({ where: { requestId: daughter.requestId } })).duplicateOfNationalId).toBe("0541604589");

    const hers = await listMyDependents({ db, citizenId: zeinab });
    expect(hers.covered).toEqual([]);
    expect(hers.requests.map((r) => r.requestId)).toEqual([daughter.requestId]);
    const his = await listMyDependents({ db, citizenId: mohammad });
    expect(his.requests.map((r) => r.requestId)).not.toContain(daughter.requestId);
  });
});
