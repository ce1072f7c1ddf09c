import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZQueueFilters } from "@/lib/schemas/review";
import { createSession, resolveSession } from "@/lib/server/auth/sessions";
import { invalidateWorkCalendar } from "@/lib/server/calendar/get-work-calendar";
import { seedDemo } from "@/lib/server/demo/seed-demo";
import { listMyDependents } from "@/lib/server/dependents/list-my-dependents";
import type { FileStorage } from "@/lib/adapters/storage/file-storage";
import { fileQuestion } from "@/lib/server/requests/file-question";
import { getMyRequest } from "@/lib/server/requests/get-my-request";
import { listMyRequests } from "@/lib/server/requests/list-my-requests";
import { getRequestForReview } from "@/lib/server/review/get-request-for-review";
import { listReviewQueue } from "@/lib/server/review/list-review-queue";
import { createEnrolmentRequest, createQuestionRequest, staffActor } from "@/tests/support/review-factories";
import { createTestDatabase, testEngine, type TestDatabase } from "@/tests/support/test-database";
import type { Db } from "./prisma";

// No N+1: the use case behind each page sends the same number of SQL statements
// whether the page shows one row or fifty. (The benchmark measures how long they take.)

const NOW = new Date("2026-11-26T08:00:00Z");
const randomNationalId = () => String(crypto.randomInt(1_000_000_000, 9_999_999_999));

describe(`SQL statements per page do not grow with the rows shown, on ${testEngine()}`, () => {
  let database: TestDatabase;
  let db: Db;
  let recording: string[] | null = null;
  /** What the last `statements` call recorded. */
  let lastStatements: string[] = [];

  /** Statements sent while `fn` runs; the working-day calendar cache is emptied first so it is counted every time. */
  async function statements(fn: () => Promise<unknown>): Promise<number> {
    invalidateWorkCalendar(db);
    recording = [];
    try {
      await fn();
      lastStatements = recording;
      return recording.length;
    } finally {
      recording = null;
    }
  }

  const citizenId = async (nationalId: string) => (await db.citizenAccount.findUniqueOrThrow({ where: { nationalId }, select: { id: true } })).id;

  /** Events by several officers and documents on a request, so that names and files are loaded for each. */
  async function addHistory(requestId: string, count: number) {
    const staff = await db.staffAccount.findMany({ where: { branch: { code: "1201" } }, select: { id: true } });
    await db.requestEvent.createMany({
      data: Array.from({ length: count }, (_, i) => ({
        requestId,
        type: i % 2 === 0 ? ("ASSIGNED" as const) : ("RESUBMITTED" as const),
        actorKind: "STAFF" as const,
        actorStaffId: staff[i % staff.length]!.id,
        assigneeStaffId: staff[(i + 1) % staff.length]!.id,
        at: new Date(NOW.getTime() + 1000 * (i + 1)),
      })),
    });
    await db.requestDocument.createMany({
      data: Array.from({ length: count }, (_, i) => ({
        requestId,
        kind: "ATTACHMENT",
        storageKey: crypto.randomUUID(),
        fileName: `doc-${i}.pdf`,
        mimeType: "application/pdf",
        sizeBytes: 1000 + i,
        uploadedBy: "CITIZEN" as const,
      })),
    });
  }

  beforeAll(async () => {
    process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0000";
    database = await createTestDatabase({ client: { onQuery: ({ sql }) => void recording?.push(sql) } });
    db = database.prisma();
    await seedDemo({ db });
  });
  afterAll(async () => {
    await database.close();
  });

  it("the staff queue (listReviewQueue), first page and the next (runs first: the branch queue starts nearly empty)", async () => {
    const officer = await staffActor(db, "120101");
    const queue = (after?: string) => listReviewQueue({ db, staff: officer, filters: ZQueueFilters.parse({ after }), now: NOW });
    const before = (await queue()).rows.length;
    await createEnrolmentRequest(db, { citizenNationalId: "0012345679", now: NOW, duplicateOf: "7198108121" });
    const one = await statements(() => queue());
    // Fifty more, each held by an officer, so names are loaded for every row.
    const staff = await db.staffAccount.findMany({ where: { branch: { code: "1201" } }, select: { id: true } });
    for (let i = 0; i < 50; i++) {
      const request = await createQuestionRequest(db, { citizenNationalId: "0012345679", now: NOW });
      await db.request.update({ where: { id: request.id }, data: { assignedStaffId: staff[i % staff.length]!.id, status: "IN_REVIEW" } });
    }
    let first = { rows: 0, next: null as string | null };
    const full = await statements(async () => {
      const page = await queue();
      first = { rows: page.rows.length, next: page.nextCursor };
    });
    expect(before).toBeLessThan(25);
    expect(first.rows).toBe(25);
    // A short queue also reads the requests without a deadline (one more statement): never more with more rows.
    expect(full).toBeLessThanOrEqual(one);
    const second = await statements(() => queue(first.next!));
    expect(second).toBeLessThanOrEqual(one);
  });

  it("«درخواست‌های من» (listMyRequests)", async () => {
    const nationalId = "7198108121";
    const id = await citizenId(nationalId);
    await createQuestionRequest(db, { citizenNationalId: nationalId, now: NOW });
    const one = await statements(() => listMyRequests({ db, citizenId: id, now: NOW }));
    for (let i = 0; i < 49; i++) await createQuestionRequest(db, { citizenNationalId: nationalId, now: NOW });
    let page = { rows: 0, next: null as string | null };
    const fifty = await statements(async () => {
      const found = await listMyRequests({ db, citizenId: id, now: NOW });
      page = { rows: found.rows.length, next: found.nextCursor };
    });
    expect(page.rows).toBe(20);
    expect(fifty).toBe(one);
    expect(await statements(() => listMyRequests({ db, citizenId: id, after: page.next!, now: NOW }))).toBe(one);
  });

  it("a request of mine with its history and documents (getMyRequest)", async () => {
    const nationalId = "7198108121";
    const id = await citizenId(nationalId);
    const small = await createQuestionRequest(db, { citizenNationalId: nationalId, now: NOW });
    await addHistory(small.id, 1);
    const large = await createQuestionRequest(db, { citizenNationalId: nationalId, now: NOW });
    await addHistory(large.id, 50);
    const one = await statements(() => getMyRequest({ db, citizenId: id, requestId: small.id, now: NOW }));
    let events = 0;
    const fifty = await statements(async () => (events = (await getMyRequest({ db, citizenId: id, requestId: large.id, now: NOW })).events.length));
    expect(events).toBe(51);
    expect(fifty).toBe(one);
  });

  it("«افراد تحت تکفل» (listMyDependents)", async () => {
    const nationalId = "1028765967"; // a pensioner with no relatives in the file
    const id = await citizenId(nationalId);
    const cover = (n: number) =>
      db.coverage.createMany({
        data: Array.from({ length: n }, () => ({ insuredNationalId: nationalId, dependentNationalId: randomNationalId(), relationship: "SON" as const })),
      });
    await cover(1);
    await createEnrolmentRequest(db, { citizenNationalId: nationalId, now: NOW });
    const one = await statements(() => listMyDependents({ db, citizenId: id }));
    await cover(49);
    for (let i = 0; i < 49; i++) await createEnrolmentRequest(db, { citizenNationalId: nationalId, now: NOW });
    let shown = { covered: 0, requests: 0 };
    const fifty = await statements(async () => {
      const page = await listMyDependents({ db, citizenId: id });
      shown = { covered: page.covered.length, requests: page.requests.length };
    });
    expect(shown).toEqual({ covered: 50, requests: 50 });
    // One statement on every view (docs/decisions/021).
    expect(one).toBe(1);
    expect(fifty).toBe(one);
  });

  it("a request as staff review it (getRequestForReview)", async () => {
    const officer = await staffActor(db, "120101");
    const small = await createEnrolmentRequest(db, { citizenNationalId: "0012345679", now: NOW, duplicateOf: "7198108121" });
    await addHistory(small.id, 1);
    const large = await createEnrolmentRequest(db, { citizenNationalId: "0012345679", now: NOW, duplicateOf: "7198108121" });
    await addHistory(large.id, 50);
    const one = await statements(() => getRequestForReview({ db, staff: officer, requestId: small.id, now: NOW }));
    let shown = 0;
    const fifty = await statements(async () => (shown = (await getRequestForReview({ db, staff: officer, requestId: large.id, now: NOW })).documents.length));
    expect(shown).toBe(50);
    expect(fifty).toBe(one);
  });

  it("a request with no other record of its dependent and no helper: one statement, the read with its files and history and the view's audit row", async () => {
    const officer = await staffActor(db, "120101");
    const question = await createQuestionRequest(db, { citizenNationalId: "0012345679", now: NOW, dueAt: null });
    await addHistory(question.id, 3);
    let review: Awaited<ReturnType<typeof getRequestForReview>> | undefined;
    expect(await statements(async () => (review = await getRequestForReview({ db, staff: officer, requestId: question.id, now: NOW })))).toBe(1);
    // ...which wrote the view to the audit log.
    expect(await db.auditEntry.count({ where: { requestId: question.id, action: "VIEW_REQUEST", staffId: officer.accountId, at: NOW } })).toBe(1);
    // The files and the history come as JSON inside the one read: in order, instants as dates, names joined.
    const files = await db.requestDocument.findMany({ where: { requestId: question.id }, orderBy: [{ uploadedAt: "asc" }, { id: "asc" }] });
    expect(files).toHaveLength(3);
    expect(review!.documents).toEqual(
      files.map((f) => ({ id: f.id, kind: f.kind, fileName: f.fileName, mimeType: f.mimeType, sizeBytes: f.sizeBytes, uploadedAt: f.uploadedAt, uploadedBy: f.uploadedBy })),
    );
    const staffNames = new Map((await db.staffAccount.findMany()).map((s) => [s.id, `${s.firstName} ${s.lastName}`]));
    const history = await db.requestEvent.findMany({ where: { requestId: question.id }, orderBy: [{ at: "asc" }, { id: "asc" }] });
    expect(history).toHaveLength(4);
    expect(review!.events.map((e) => [e.type, e.at, e.actorName, e.assigneeName])).toEqual(
      history.map((e) => [e.type, e.at, e.actorStaffId && staffNames.get(e.actorStaffId)!, e.assigneeStaffId && staffNames.get(e.assigneeStaffId)!]),
    );
    expect(review!.events[0]).toMatchObject({ type: "SUBMITTED", actorKind: "CITIZEN", actorName: null, previousDueAt: null, newDueAt: null, helperName: null });
  });

  it("a filed question (fileQuestion): the applicant, the branch, then one transaction of the request and its received SMS", async () => {
    const id = await citizenId("0012345679");
    const question = { domain: "INSURANCE" as const, subject: "کسر حق بیمه", body: "حق بیمه این ماه دو بار کسر شده است.", submissionId: crypto.randomUUID() };
    // No attachment, so the storage is never reached.
    await statements(() => fileQuestion({ db, storage: {} as FileStorage, citizenId: id, question, attachment: null, now: NOW }));
    // (PGlite's adapter does not show its COMMIT to the observer; PostgreSQL's does.)
    const sent = lastStatements.filter((sql) => !/^(BEGIN|COMMIT)\b/.test(sql.trim()));
    // The account and the insurance branch; the working-day calendar (2, emptied by `statements`); in the
    // transaction the request, its first event (no read-back of the request, as a nested create would send),
    // and the SMS with the address its email copy would go to, in one statement.
    expect(sent).toHaveLength(7);
    expect(sent.filter((sql) => sql.includes('INSERT INTO "SmsMessage"') && sql.includes('"emailNotices"'))).toHaveLength(1);
    expect(await db.smsMessage.count({ where: { citizenId: id, kind: "REQUEST_RECEIVED" } })).toBeGreaterThan(0);
  });

  it("the signed-in person on every page (resolveSession): one statement, for citizens and staff", async () => {
    const citizen = await createSession({ db, subject: { kind: "CITIZEN", citizenId: await citizenId("0012345679") } });
    const officer = await createSession({ db, subject: { kind: "STAFF", staffId: (await staffActor(db, "120101")).accountId } });
    const forCitizen = await statements(() => resolveSession({ db, sessionId: citizen.id }));
    expect(forCitizen).toBe(1);
    expect(await statements(() => resolveSession({ db, sessionId: officer.id }))).toBe(forCitizen);
  });
});
