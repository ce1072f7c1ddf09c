import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalFileStorage } from "@/lib/adapters/storage/local-file-storage";
import { parseConfig } from "@/lib/config";
import type { Db } from "@/lib/server/db/prisma";
import { seedDemo } from "@/lib/server/demo/seed-demo";
import { ORPHAN_GRACE_MS } from "@/lib/server/uploads/remove-orphan-files";
import { createEnrolmentRequest, createQuestionRequest } from "@/tests/support/review-factories";
import { createTestDatabase, testEngine, type TestDatabase } from "@/tests/support/test-database";
import { runRetention, type RetentionSettings } from "./run-retention";
import { sweepDocumentStore } from "./sweep-document-store";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const hash = () => crypto.randomBytes(32).toString("hex");

/** Rows planted for one run, by model: those that must be gone after it, and those that must stay. */
type Planted = Record<"drafts" | "sessions" | "codes" | "resets" | "emailLinks" | "challenges" | "hits" | "uploads", { gone: string[]; kept: string[] }>;

describe(`retention on ${testEngine()}`, () => {
  let database: TestDatabase;
  let db: Db;
  let storageRoot: string;
  let storage: LocalFileStorage;
  let citizenId: string;
  let staffId: string;

  beforeAll(async () => {
    process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0000";
    database = await createTestDatabase();
    db = database.prisma();
    await seedDemo({ db });
    storageRoot = fs.mkdtempSync(path.join(os.tmpdir(), "portal-retention-"));
    storage = new LocalFileStorage({ root: storageRoot });
    citizenId = (await db.citizenAccount.findUniqueOrThrow({ where: { nationalId: "0012345679" } })).id;
    staffId = (await db.staffAccount.findFirstOrThrow({ where: { disabledAt: null } })).id;
  });
  afterAll(async () => {
    await database?.close();
    fs.rmSync(storageRoot, { recursive: true, force: true });
  });

  /** Stored files planted with the rows, and whether each must still exist after the run. */
  let fileFates: { key: string; exists: boolean }[] = [];
  const requestsOfDeletedDrafts: string[] = [];

  const empty = (): Planted => ({
    drafts: { gone: [], kept: [] },
    sessions: { gone: [], kept: [] },
    codes: { gone: [], kept: [] },
    resets: { gone: [], kept: [] },
    emailLinks: { gone: [], kept: [] },
    challenges: { gone: [], kept: [] },
    hits: { gone: [], kept: [] },
    uploads: { gone: [], kept: [] },
  });

  /**
   * For a retention period of `periodMs` before `now`: rows that stopped working
   * just before the period began (gone) and just after, or are still live (kept).
   */
  async function plant(now: Date, periodMs: number): Promise<Planted> {
    const planted = empty();
    const ago = (ms: number) => new Date(now.getTime() - ms);
    const later = (ms: number) => new Date(now.getTime() + ms);
    const older = periodMs + 5 * MINUTE;
    const younger = periodMs - 5 * MINUTE;

    // Registration drafts: expired (submitted or not) vs. expired recently vs. live.
    const submitted = await createQuestionRequest(db, { citizenNationalId: "0012345679", now: ago(older + HOUR) });
    requestsOfDeletedDrafts.push(submitted.id);
    for (const [fate, expiresAt, requestId] of [
      ["gone", ago(older), null],
      ["gone", ago(older), submitted.id],
      ["kept", ago(younger), null],
      ["kept", later(HOUR), null],
    ] as const) {
      const row = await db.registrationDraft.create({ data: { tokenHash: hash(), nationalId: "0012345679", expiresAt, requestId }, select: { id: true } });
      planted.drafts[fate].push(row.id);
    }

    // Sessions: revoked, past their absolute end, idle past the timeout; or ended recently; or live.
    const session = async (fate: "gone" | "kept", data: { kind: "CITIZEN" | "STAFF"; createdAt: Date; lastSeenAt: Date; expiresAt: Date; revokedAt?: Date }) => {
      const subject = data.kind === "CITIZEN" ? { citizenId } : { staffId };
      const row = await db.authSession.create({ data: { ...subject, ...data }, select: { id: true } });
      planted.sessions[fate].push(row.id);
    };
    await session("gone", { kind: "CITIZEN", createdAt: ago(older + HOUR), lastSeenAt: ago(older + HOUR), expiresAt: later(HOUR), revokedAt: ago(older) });
    await session("gone", { kind: "CITIZEN", createdAt: ago(older + 12 * HOUR), lastSeenAt: ago(older + 20 * MINUTE), expiresAt: ago(older) });
    // Idle: its absolute end is later than the period's start, its idle end (30 min after it was last seen) earlier.
    await session("gone", { kind: "CITIZEN", createdAt: ago(older + 40 * MINUTE), lastSeenAt: ago(older + 31 * MINUTE), expiresAt: ago(older + 40 * MINUTE - 12 * HOUR) });
    await session("gone", { kind: "STAFF", createdAt: ago(older + 20 * MINUTE), lastSeenAt: ago(older + 16 * MINUTE), expiresAt: ago(older + 20 * MINUTE - 10 * HOUR) });
    await session("kept", { kind: "CITIZEN", createdAt: ago(younger + HOUR), lastSeenAt: ago(younger + 10 * MINUTE), expiresAt: later(HOUR), revokedAt: ago(younger) });
    await session("kept", { kind: "CITIZEN", createdAt: ago(younger + 12 * HOUR), lastSeenAt: ago(younger + 10 * MINUTE), expiresAt: ago(younger) });
    // A citizen's idle timeout (30 minutes) ended within the period; a staff member's (15) would have ended before it.
    await session("kept", { kind: "CITIZEN", createdAt: ago(younger + 40 * MINUTE), lastSeenAt: ago(younger + 29 * MINUTE), expiresAt: later(HOUR) });
    await session("kept", { kind: "CITIZEN", createdAt: ago(HOUR), lastSeenAt: ago(MINUTE), expiresAt: later(11 * HOUR) });
    await session("kept", { kind: "STAFF", createdAt: ago(HOUR), lastSeenAt: ago(MINUTE), expiresAt: later(9 * HOUR) });

    // One-time codes: used or expired long ago; expired recently; live; replaced a minute ago.
    const code = async (fate: "gone" | "kept", data: { createdAt: Date; expiresAt: Date; consumedAt?: Date }) => {
      const row = await db.oneTimeCode.create({
        data: { purpose: "REGISTRATION", mobile: "09120000001", subjectId: crypto.randomUUID(), codeHash: hash(), ...data },
        select: { id: true },
      });
      planted.codes[fate].push(row.id);
    };
    await code("gone", { createdAt: ago(older + MINUTE), expiresAt: ago(older - MINUTE), consumedAt: ago(older) });
    await code("gone", { createdAt: ago(older + 2 * MINUTE), expiresAt: ago(older) });
    await code("kept", { createdAt: ago(younger + 2 * MINUTE), expiresAt: ago(younger) });
    await code("kept", { createdAt: ago(30_000), expiresAt: later(90_000) });
    await code("kept", { createdAt: ago(2 * MINUTE), expiresAt: ago(0), consumedAt: ago(MINUTE) });

    // Password resets: used or expired long ago; used recently; in progress.
    const reset = async (fate: "gone" | "kept", data: { createdAt: Date; expiresAt: Date; usedAt?: Date }) => {
      const row = await db.passwordResetTicket.create({ data: { tokenHash: hash(), nationalId: "0012345679", mobile: "09120000001", ...data }, select: { id: true } });
      planted.resets[fate].push(row.id);
    };
    await reset("gone", { createdAt: ago(older + 5 * MINUTE), expiresAt: later(HOUR), usedAt: ago(older) });
    await reset("gone", { createdAt: ago(older + 15 * MINUTE), expiresAt: ago(older) });
    await reset("kept", { createdAt: ago(younger + 5 * MINUTE), expiresAt: ago(younger - 10 * MINUTE), usedAt: ago(younger) });
    await reset("kept", { createdAt: ago(MINUTE), expiresAt: later(14 * MINUTE) });

    // Links confirming an email address: expired (used or not) vs. still working, whatever the period.
    for (const [fate, expiresAt, usedAt] of [["gone", ago(MINUTE), null], ["gone", ago(MINUTE), ago(HOUR)], ["kept", later(MINUTE), null], ["kept", later(HOUR), ago(MINUTE)]] as const) {
      const row = await db.emailVerification.create({
        data: { citizenId, email: "person@example.ir", tokenHash: hash(), createdAt: ago(HOUR), expiresAt, usedAt },
        select: { id: true },
      });
      planted.emailLinks[fate].push(row.id);
    }

    // Second-factor sign-in steps: completed or expired long ago; expired recently; in progress.
    const challenge = async (fate: "gone" | "kept", data: { createdAt: Date; expiresAt: Date; completedAt?: Date }) => {
      const row = await db.signInChallenge.create({ data: { tokenHash: hash(), kind: "STAFF", staffId, ...data }, select: { id: true } });
      planted.challenges[fate].push(row.id);
    };
    await challenge("gone", { createdAt: ago(older + MINUTE), expiresAt: later(HOUR), completedAt: ago(older) });
    await challenge("gone", { createdAt: ago(older + 5 * MINUTE), expiresAt: ago(older) });
    await challenge("kept", { createdAt: ago(younger + 5 * MINUTE), expiresAt: ago(younger) });
    await challenge("kept", { createdAt: ago(MINUTE), expiresAt: later(4 * MINUTE) });

    // Rate-limit hits: counted before the period began, or after.
    for (const [fate, at] of [["gone", ago(older)], ["kept", ago(younger)], ["kept", ago(MINUTE)]] as const) {
      const row = await db.rateLimitHit.create({ data: { bucket: "sign-in:account", key: hash(), at }, select: { id: true } });
      planted.hits[fate].push(row.id);
    }

    // Documents sent ahead: expired (its file goes), expired but filed meanwhile (its file is the request's), waiting.
    const upload = async (fate: "gone" | "kept", expiresAt: Date, ownedByRequest = false) => {
      const stored = await storage.put(Buffer.from(`%PDF-1.4 ${crypto.randomUUID()}`));
      if (ownedByRequest) {
        const request = await createEnrolmentRequest(db, { citizenNationalId: "0012345679" });
        await db.requestDocument.create({
          data: { requestId: request.id, kind: "BIRTH_CERTIFICATE", storageKey: stored.key, fileName: "b.pdf", mimeType: "application/pdf", sizeBytes: stored.size, uploadedBy: "CITIZEN" },
        });
      }
      const row = await db.pendingUpload.create({
        data: { citizenId, storageKey: stored.key, fileName: "b.pdf", mimeType: "application/pdf", sizeBytes: stored.size, createdAt: ago(2 * HOUR), expiresAt },
        select: { id: true },
      });
      planted.uploads[fate].push(row.id);
      return stored.key;
    };
    const expiredKey = await upload("gone", ago(MINUTE));
    const filedKey = await upload("gone", ago(MINUTE), true);
    const waitingKey = await upload("kept", later(HOUR));
    expect(await storage.exists(expiredKey)).toBe(true);
    fileFates.push({ key: expiredKey, exists: false }, { key: filedKey, exists: true }, { key: waitingKey, exists: true });
    return planted;
  }
  async function remaining(planted: Planted) {
    const ids = (fates: { gone: string[]; kept: string[] }) => ({ id: { in: [...fates.gone, ...fates.kept] } });
    const select = { id: true } as const;
    const sorted = (rows: { id: string }[]) => rows.map((row) => row.id).sort();
    return {
      drafts: sorted(await db.registrationDraft.findMany({ where: ids(planted.drafts), select })),
      sessions: sorted(await db.authSession.findMany({ where: ids(planted.sessions), select })),
      codes: sorted(await db.oneTimeCode.findMany({ where: ids(planted.codes), select })),
      resets: sorted(await db.passwordResetTicket.findMany({ where: ids(planted.resets), select })),
      emailLinks: sorted(await db.emailVerification.findMany({ where: ids(planted.emailLinks), select })),
      challenges: sorted(await db.signInChallenge.findMany({ where: ids(planted.challenges), select })),
      hits: sorted(await db.rateLimitHit.findMany({ where: ids(planted.hits), select })),
      uploads: sorted(await db.pendingUpload.findMany({ where: ids(planted.uploads), select })),
    };
  }
  const keptOf = (planted: Planted) =>
    Object.fromEntries(Object.entries(planted).map(([kind, fates]) => [kind, [...fates.kept].sort()])) as Record<keyof Planted, string[]>;
  const goneCount = (planted: Planted) => ({
    drafts: planted.drafts.gone.length,
    sessions: planted.sessions.gone.length,
    oneTimeCodes: planted.codes.gone.length,
    resetTickets: planted.resets.gone.length,
    emailLinks: planted.emailLinks.gone.length,
    signInChallenges: planted.challenges.gone.length,
    rateLimitHits: planted.hits.gone.length,
    expiredUploads: planted.uploads.gone.length,
  });

  async function expectFiles() {
    for (const { key, exists } of fileFates) expect({ key, exists: await storage.exists(key) }).toEqual({ key, exists });
    fileFates = [];
  }

  it("by default deletes what stopped working more than a day ago, and nothing younger, live, or a request's", async () => {
    const config = parseConfig({});
    const settings: RetentionSettings = {
      RETENTION_DRAFTS_HOURS: 24,
      RETENTION_SESSIONS_HOURS: 24,
      RETENTION_ONE_TIME_CODES_HOURS: 24,
      RETENTION_PASSWORD_RESETS_HOURS: 24,
      RETENTION_SIGN_IN_CHALLENGES_HOURS: 24,
      RETENTION_RATE_LIMIT_HITS_HOURS: 24,
    };
    expect(config).toMatchObject(settings);
    const now = new Date();
    const planted = await plant(now, 24 * HOUR);

    const counts = await runRetention({ db, storage, settings, now });

    expect(await remaining(planted)).toEqual(keptOf(planted));
    // Other tests' rows (the demo's) may be counted too, never fewer than planted.
    for (const [kind, count] of Object.entries(goneCount(planted))) expect(counts[kind as keyof typeof counts]).toBeGreaterThanOrEqual(count);
    await expectFiles();
    // The request that was submitted from a deleted draft is still there.
    expect(await db.request.count({ where: { id: { in: requestsOfDeletedDrafts } } })).toBe(requestsOfDeletedDrafts.length);

    // A second run finds nothing more of what was planted.
    await runRetention({ db, storage, settings, now });
    expect(await remaining(planted)).toEqual(keptOf(planted));
  });

  it("follows each configured period (here 2 hours, the shortest rate-limit hits may have)", async () => {
    const settings = parseConfig({
      RETENTION_DRAFTS_HOURS: "2",
      RETENTION_SESSIONS_HOURS: "2",
      RETENTION_ONE_TIME_CODES_HOURS: "2",
      RETENTION_PASSWORD_RESETS_HOURS: "2",
      RETENTION_SIGN_IN_CHALLENGES_HOURS: "2",
      RETENTION_RATE_LIMIT_HITS_HOURS: "2",
    });
    const now = new Date();
    const planted = await plant(now, 2 * HOUR);

    const counts = await runRetention({ db, storage, settings, now });

    expect(await remaining(planted)).toEqual(keptOf(planted));
    for (const [kind, count] of Object.entries(goneCount(planted))) expect(counts[kind as keyof typeof counts]).toBeGreaterThanOrEqual(count);
    await expectFiles();
  });

  it("sweeps stored files nothing refers to once they are an hour old, never a request's document or a waiting upload", async () => {
    const owned = await storage.put(Buffer.from("%PDF-1.4 owned"));
    const request = await createEnrolmentRequest(db, { citizenNationalId: "0012345679" });
    await db.requestDocument.create({
      data: { requestId: request.id, kind: "BIRTH_CERTIFICATE", storageKey: owned.key, fileName: "b.pdf", mimeType: "application/pdf", sizeBytes: owned.size, uploadedBy: "CITIZEN" },
    });
    const waiting = await storage.put(Buffer.from("%PDF-1.4 waiting"));
    await db.pendingUpload.create({
      data: { citizenId, storageKey: waiting.key, fileName: "w.pdf", mimeType: "application/pdf", sizeBytes: waiting.size, expiresAt: new Date(Date.now() + HOUR) },
    });
    const orphan = await storage.put(Buffer.from("left by a crash"));
    const recent = await storage.put(Buffer.from("a form is about to save its request"));
    const old = new Date(Date.now() - ORPHAN_GRACE_MS - MINUTE);
    for (const key of [owned.key, waiting.key, orphan.key]) fs.utimesSync(path.join(storageRoot, key.slice(0, 2), key), old, old);

    const result = await sweepDocumentStore({ db, storage });

    expect(result.orphans).toBeGreaterThanOrEqual(1);
    expect(await storage.exists(orphan.key)).toBe(false);
    expect(await storage.exists(owned.key)).toBe(true);
    expect(await storage.exists(waiting.key)).toBe(true);
    expect(await storage.exists(recent.key)).toBe(true);
  });
});
