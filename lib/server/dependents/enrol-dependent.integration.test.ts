import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getCivilRegistry } from "@/lib/adapters/civil-registry/get-civil-registry";
import { LocalFileStorage } from "@/lib/adapters/storage/local-file-storage";
import type { DocumentKind } from "@/lib/dependents/documents";
import type { TCheckedDependent } from "@/lib/schemas/dependent";
import { seedDemo } from "@/lib/server/demo/seed-demo";
import { addRequestEvent } from "@/lib/server/requests/add-request-event";
import { citizenApplicant, type Applicant } from "@/lib/server/requests/applicant";
import { createTestDatabase, testEngine, type TestDatabase } from "@/tests/support/test-database";
import { enrolDependent } from "./enrol-dependent";

const NOW = new Date("2026-11-26T08:00:00Z");

describe(`enrolling a dependent on ${testEngine()}`, () => {
  let database: TestDatabase;
  let storageRoot: string;
  let storage: LocalFileStorage;
  let mohammadId: string;
  let mohammad: Applicant;

  beforeAll(async () => {
    process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0000";
    database = await createTestDatabase();
    await seedDemo({ db: database.prisma() });
    storageRoot = fs.mkdtempSync(path.join(os.tmpdir(), "portal-enrol-"));
    storage = new LocalFileStorage({ root: storageRoot });
    mohammadId = (await database.prisma().citizenAccount.findUniqueOrThrow({ where: { nationalId: "0012345679" } })).id;
    mohammad = await citizenApplicant({ db: database.prisma(), citizenId: mohammadId });
  });
  afterAll(async () => {
    await database.close();
    fs.rmSync(storageRoot, { recursive: true, force: true });
  });

  async function pdf(name = "doc.pdf") {
    const { key, size } = await storage.put(Buffer.from("%PDF-1.7\n%test\n"));
    return { key, size, type: { mime: "application/pdf" as const, extension: "pdf" as const }, fileName: name };
  }
  /** Documents sent ahead to /account/uploads by Mohammad: a file and its PendingUpload row each. */
  const sendAhead = (kinds: DocumentKind[]) =>
    Promise.all(
      kinds.map(async (kind) => {
        const stored = await pdf(`${kind}.pdf`);
        const row = await database.prisma().pendingUpload.create({
          data: { citizenId: mohammadId, storageKey: stored.key, fileName: stored.fileName, mimeType: "application/pdf", sizeBytes: stored.size, createdAt: NOW, expiresAt: new Date(NOW.getTime() + 3_600_000) },
        });
        return { kind, stored, stagedToken: row.id };
      }),
    );
  const son = (submissionId = crypto.randomUUID()) => ({
    dependentNationalId: "8933827374",
    dependentBirthDate: "1391/07/09",
    relationship: "SON" as const,
    declared: {},
    submissionId,
  });

  it("refuses without the required documents and leaves no file behind", async () => {
    const stored = await pdf();
    const result = await enrolDependent({ db: database.prisma(), storage, applicant: mohammad, input: son(), documents: [], now: NOW });
    expect(result).toMatchObject({ ok: false });
    expect(await storage.exists(stored.key)).toBe(true); // not part of this submission
    const refused = await enrolDependent({
      db: database.prisma(),
      storage,
      applicant: mohammad,
      input: { ...son(), dependentNationalId: "0065463552", dependentBirthDate: "1398/01/20" },
      documents: [{ kind: "BIRTH_CERTIFICATE", stored }],
      now: NOW,
    });
    expect(refused).toMatchObject({ ok: false, refusal: { reason: "NO_SUCH_RELATIVE" } });
    expect(await storage.exists(stored.key)).toBe(false);
  });

  it("saves request, details and documents together; a repeated post makes one; approval covers the son", async () => {
    const db = database.prisma();
    const first = await enrolDependent({ db, storage, applicant: mohammad, input: son("5d8a4b9c-0000-4000-8000-000000000001"), documents: [], now: NOW });
    expect(first.ok).toBe(false);
    if (first.ok || !("missingDocuments" in first)) throw new Error("expected missing documents");
    const documents = await Promise.all(first.missingDocuments.map(async (kind) => ({ kind, stored: await pdf(`${kind}.pdf`) })));
    const submissionId = crypto.randomUUID();
    const results = await Promise.all([
      enrolDependent({ db, storage, applicant: mohammad, input: son(submissionId), documents, now: NOW }),
      enrolDependent({ db, storage, applicant: mohammad, input: son(submissionId), documents: await Promise.all(documents.map(async (d) => ({ kind: d.kind, stored: await pdf() }))), now: NOW }),
    ]);
    const ids = results.map((r) => (r.ok ? r.requestId : null));
    expect(ids[0]).not.toBeNull();
    expect(ids[0]).toBe(ids[1]);
    const request = await db.request.findUniqueOrThrow({ where: { id: ids[0]! }, include: { enrolment: true, documents: true, events: true } });
    expect(request.enrolment).toMatchObject({ dependentNationalId: "8933827374", relationship: "SON", eligibilityRule: "SON_UNDER_18" });
    expect(request.documents).toHaveLength(documents.length);
    expect(request.events.map((e) => e.type)).toEqual(["SUBMITTED"]);
    expect(request.dueAt).not.toBeNull();

    await addRequestEvent({ db, requestId: request.id, expectedStatus: "SUBMITTED", event: { type: "APPROVED", actorKind: "STAFF" } });
    expect(await db.coverage.findFirst({ where: { insuredNationalId: "0012345679", dependentNationalId: "8933827374" } })).toMatchObject({
      relationship: "SON",
      requestId: request.id,
      endedAt: null,
    });
  });

  it("files documents sent ahead once: twin posts with the same tokens, and a later post reusing them, never delete them", async () => {
    const db = database.prisma();
    const father = (submissionId = crypto.randomUUID()) => ({
      dependentNationalId: "0344185230",
      dependentBirthDate: "1328/03/14",
      relationship: "FATHER" as const,
      declared: { supported: true },
      submissionId,
    });
    const probe = await enrolDependent({ db, storage, applicant: mohammad, input: father(), documents: [], now: NOW });
    if (probe.ok || !("missingDocuments" in probe)) throw new Error("expected missing documents");
    const documents = await sendAhead(probe.missingDocuments);
    const submissionId = crypto.randomUUID();
    const twins = await Promise.all([1, 2, 3].map(() => enrolDependent({ db, storage, applicant: mohammad, input: father(submissionId), documents, now: NOW })));
    const ids = new Set(twins.map((r) => (r.ok ? r.requestId : "refused")));
    expect([...ids]).toHaveLength(1);
    expect(ids.has("refused")).toBe(false);
    const filed = await db.requestDocument.findMany({ where: { requestId: [...ids][0]! } });
    expect(filed).toHaveLength(documents.length);
    for (const document of filed) expect(await storage.exists(document.storageKey)).toBe(true);
    expect(await db.pendingUpload.count({ where: { id: { in: documents.map((d) => d.stagedToken) } } })).toBe(0);

    // Another form (another submission) with the same tokens is refused, and the filed files stay.
    const reused = await enrolDependent({ db, storage, applicant: mohammad, input: father(), documents, now: NOW });
    expect(reused.ok).toBe(false);
    for (const document of filed) expect(await storage.exists(document.storageKey)).toBe(true);
  });

  it("a post whose documents sent ahead were filed meanwhile by its twin (same form) gets the twin's request, not a missing-documents page", async () => {
    const db = database.prisma();
    const mother = (submissionId: string) => ({
      dependentNationalId: "9461299486",
      dependentBirthDate: "1333/11/02",
      relationship: "MOTHER" as const,
      declared: { supported: true },
      submissionId,
    });
    const probe = await enrolDependent({ db, storage, applicant: mohammad, input: mother(crypto.randomUUID()), documents: [], now: NOW });
    if (probe.ok || !("missingDocuments" in probe)) throw new Error("expected missing documents");
    const documents = await sendAhead(probe.missingDocuments);
    const submissionId = crypto.randomUUID();
    let twinId: string | null = null;
    // This post passed its first look for a filed twin; while it collects, the twin files the
    // same tokens, so the rows are gone when this post looks them up (as findStagedUpload finds).
    const lateCollector = async () => {
      const twin = await enrolDependent({ db, storage, applicant: mohammad, input: mother(submissionId), documents, now: NOW });
      twinId = twin.ok ? twin.requestId : null;
      return { ok: false as const, problems: Object.fromEntries(documents.map((d) => [d.kind, "MISSING" as const])), kept: [] };
    };
    const late = await enrolDependent({ db, storage, applicant: mohammad, input: mother(submissionId), documents: lateCollector, now: NOW });
    expect(twinId).not.toBeNull();
    expect(late).toEqual({ ok: true, requestId: twinId, trackingCode: expect.any(String), created: false });
    for (const d of documents) expect(await storage.exists(d.stored.key)).toBe(true);
  });

  it("checks once per post: the registry is asked for applicant and dependent once each, and the documents are collected only after the check passed", async () => {
    const db = database.prisma();
    const lookups = vi.spyOn(getCivilRegistry(), "lookupPerson");
    try {
      const student = (submissionId = crypto.randomUUID()) => ({
        dependentNationalId: "9209769491",
        dependentBirthDate: "1386/02/15",
        relationship: "SON" as const,
        declared: { studying: true },
        submissionId,
      });
      // A file the form could not keep: nothing is filed, and the form gets what was checked back.
      const badFile = vi.fn(async () => ({ ok: false as const, problems: { STUDY_CERTIFICATE: "WRONG_TYPE" as const }, kept: ["BIRTH_CERTIFICATE" as const] }));
      const problem = await enrolDependent({ db, storage, applicant: mohammad, input: student(), documents: badFile, now: NOW });
      expect(problem).toMatchObject({
        ok: false,
        checked: { firstName: "امیرحسین" },
        documentProblems: { STUDY_CERTIFICATE: "WRONG_TYPE" },
        keptDocuments: ["BIRTH_CERTIFICATE"],
      });
      expect(lookups).toHaveBeenCalledTimes(2);
      expect(await db.dependentEnrolment.count({ where: { dependentNationalId: "9209769491" } })).toBe(0);

      lookups.mockClear();
      const collect = vi.fn(async (checked: TCheckedDependent) => ({
        ok: true as const,
        documents: await Promise.all(checked.checklist.filter((item) => item.required).map(async (item) => ({ kind: item.kind, stored: await pdf(`${item.kind}.pdf`) }))),
      }));
      const filed = await enrolDependent({ db, storage, applicant: mohammad, input: student(), documents: collect, now: NOW });
      expect(filed.ok).toBe(true);
      expect(lookups).toHaveBeenCalledTimes(2);
      expect(collect).toHaveBeenCalledTimes(1);
      expect(collect.mock.calls[0]![0].checklist.map((item) => item.kind)).toContain("STUDY_CERTIFICATE");

      // A refusal collects (and stores) nothing.
      lookups.mockClear();
      const stranger = vi.fn(async () => ({ ok: true as const, documents: [] }));
      const refused = await enrolDependent({
        db,
        storage,
        applicant: mohammad,
        input: { ...student(), dependentNationalId: "0065463552", dependentBirthDate: "1398/01/20" },
        documents: stranger,
        now: NOW,
      });
      expect(refused).toMatchObject({ ok: false, refusal: { reason: "NO_SUCH_RELATIVE" } });
      expect(stranger).not.toHaveBeenCalled();
      expect(lookups).toHaveBeenCalledTimes(2);
    } finally {
      lookups.mockRestore();
    }
  });
});
