import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalFileStorage } from "@/lib/adapters/storage/local-file-storage";
import { seedDemo } from "@/lib/server/demo/seed-demo";
import { addRequestEvent } from "@/lib/server/requests/add-request-event";
import { createTestDatabase, testEngine, type TestDatabase } from "@/tests/support/test-database";
import { enrolDependent } from "./enrol-dependent";

const NOW = new Date("2026-11-26T08:00:00Z");

describe(`enrolling a dependent on ${testEngine()}`, () => {
  let database: TestDatabase;
  let storageRoot: string;
  let storage: LocalFileStorage;
  let mohammad: string;

  beforeAll(async () => {
    process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0000";
    database = await createTestDatabase();
    await seedDemo({ db: database.prisma() });
    storageRoot = fs.mkdtempSync(path.join(os.tmpdir(), "portal-enrol-"));
    storage = new LocalFileStorage({ root: storageRoot });
    mohammad = (await database.prisma().citizenAccount.findUniqueOrThrow({ where: { nationalId: "0012345679" } })).id;
  });
  afterAll(async () => {
    await database.close();
    fs.rmSync(storageRoot, { recursive: true, force: true });
  });

  async function pdf(name = "doc.pdf") {
    const { key, size } = await storage.put(Buffer.from("%PDF-1.7\n%test\n"));
    return { key, size, type: { mime: "application/pdf" as const, extension: "pdf" as const }, fileName: name };
  }
  const son = (submissionId = crypto.randomUUID()) => ({
    dependentNationalId: "8933827374",
    dependentBirthDate: "1391/07/09",
    relationship: "SON" as const,
    declared: {},
    submissionId,
  });

  it("refuses without the required documents and leaves no file behind", async () => {
    const stored = await pdf();
    const result = await enrolDependent({ db: database.prisma(), storage, citizenId: mohammad, input: son(), documents: [], now: NOW });
    expect(result).toMatchObject({ ok: false });
    expect(await storage.exists(stored.key)).toBe(true); // not part of this submission
    const refused = await enrolDependent({
      db: database.prisma(),
      storage,
      citizenId: mohammad,
      input: { ...son(), dependentNationalId: "0065463552", dependentBirthDate: "1398/01/20" },
      documents: [{ kind: "BIRTH_CERTIFICATE", stored }],
      now: NOW,
    });
    expect(refused).toMatchObject({ ok: false, refusal: { reason: "NOT_RELATED" } });
    expect(await storage.exists(stored.key)).toBe(false);
  });

  it("saves request, details and documents together; a repeated post makes one; approval covers the son", async () => {
    const db = database.prisma();
    const first = await enrolDependent({ db, storage, citizenId: mohammad, input: son("5d8a4b9c-0000-4000-8000-000000000001"), documents: [], now: NOW });
    expect(first.ok).toBe(false);
    if (first.ok || !("missingDocuments" in first)) throw new Error("expected missing documents");
    const documents = await Promise.all(first.missingDocuments.map(async (kind) => ({ kind, stored: await pdf(`${kind}.pdf`) })));
    const submissionId = crypto.randomUUID();
    const results = await Promise.all([
      enrolDependent({ db, storage, citizenId: mohammad, input: son(submissionId), documents, now: NOW }),
      enrolDependent({ db, storage, citizenId: mohammad, input: son(submissionId), documents: await Promise.all(documents.map(async (d) => ({ kind: d.kind, stored: await pdf() }))), now: NOW }),
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
    const probe = await enrolDependent({ db, storage, citizenId: mohammad, input: father(), documents: [], now: NOW });
    if (probe.ok || !("missingDocuments" in probe)) throw new Error("expected missing documents");
    // Sent ahead to /account/uploads: a file and its PendingUpload row each.
    const documents = await Promise.all(
      probe.missingDocuments.map(async (kind) => {
        const stored = await pdf(`${kind}.pdf`);
        const row = await db.pendingUpload.create({
          data: { citizenId: mohammad, storageKey: stored.key, fileName: stored.fileName, mimeType: "application/pdf", sizeBytes: stored.size, createdAt: NOW, expiresAt: new Date(NOW.getTime() + 3_600_000) },
        });
        return { kind, stored, stagedToken: row.id };
      }),
    );
    const submissionId = crypto.randomUUID();
    const twins = await Promise.all([1, 2, 3].map(() => enrolDependent({ db, storage, citizenId: mohammad, input: father(submissionId), documents, now: NOW })));
    const ids = new Set(twins.map((r) => (r.ok ? r.requestId : "refused")));
    expect([...ids]).toHaveLength(1);
    expect(ids.has("refused")).toBe(false);
    const filed = await db.requestDocument.findMany({ where: { requestId: [...ids][0]! } });
    expect(filed).toHaveLength(documents.length);
    for (const document of filed) expect(await storage.exists(document.storageKey)).toBe(true);
    expect(await db.pendingUpload.count({ where: { id: { in: documents.map((d) => d.stagedToken) } } })).toBe(0);

    // Another form (another submission) with the same tokens is refused, and the filed files stay.
    const reused = await enrolDependent({ db, storage, citizenId: mohammad, input: father(), documents, now: NOW });
    expect(reused.ok).toBe(false);
    for (const document of filed) expect(await storage.exists(document.storageKey)).toBe(true);
  });
});
