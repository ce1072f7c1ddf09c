import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalFileStorage } from "@/lib/adapters/storage/local-file-storage";
import { isAppError } from "@/lib/errors";
import { ZQueueFilters } from "@/lib/schemas/review";
import { seedDemo } from "@/lib/server/demo/seed-demo";
import { listMyDependents } from "@/lib/server/dependents/list-my-dependents";
import { resubmitRequest } from "@/lib/server/requests/resubmit-request";
import { createEnrolmentRequest, createQuestionRequest, staffActor } from "@/tests/support/review-factories";
import { createTestDatabase, testEngine, type TestDatabase } from "@/tests/support/test-database";
import { assignRequest, claimRequest } from "./claim-request";
import { decideRequest } from "./decide-request";
import { csvCell, exportReviewQueue } from "./export-review-queue";
import { getDocumentForReview } from "./get-document-for-review";
import { getRequestForReview } from "./get-request-for-review";
import { listFileViews } from "./list-file-views";
import { listReviewQueue } from "./list-review-queue";
import type { StaffActor } from "./staff-access";

const MOHAMMAD = "0012345679"; // family A, branch 1201
const OTHER_BRANCH_CITIZEN = "6978758371"; // branch 1202

const codeOf = (error: unknown) => (isAppError(error) ? error.code : String(error));

describe(`staff review on ${testEngine()}`, () => {
  let database: TestDatabase;
  let storageRoot: string;
  let storage: LocalFileStorage;
  let officer: StaffActor;
  let colleague: StaffActor;
  let head: StaffActor;
  let officerElsewhere: StaffActor;
  let admin: StaffActor;

  beforeAll(async () => {
    process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0000";
    database = await createTestDatabase();
    const db = database.prisma();
    await seedDemo({ db });
    storageRoot = fs.mkdtempSync(path.join(os.tmpdir(), "portal-review-"));
    storage = new LocalFileStorage({ root: storageRoot });
    officer = await staffActor(db, "120101");
    colleague = await staffActor(db, "120102");
    head = await staffActor(db, "120190");
    officerElsewhere = await staffActor(db, "120201");
    admin = await staffActor(db, "900001");
  });
  afterAll(async () => {
    await database.close();
    fs.rmSync(storageRoot, { recursive: true, force: true });
  });

  const versionOf = async (requestId: string) => (await database.prisma().request.findUniqueOrThrow({ where: { id: requestId } })).updatedAt;

  it("lets an officer claim, return, see the resubmission, and approve: the dependent becomes covered", async () => {
    const db = database.prisma();
    const request = await createEnrolmentRequest(db, { citizenNationalId: MOHAMMAD, dependentNationalId: "1111111111" });
    await claimRequest({ db, staff: officer, requestId: request.id });
    const claimed = await getRequestForReview({ db, staff: officer, requestId: request.id });
    expect(claimed.status).toBe("IN_REVIEW");
    expect(claimed.assignee?.id).toBe(officer.accountId);
    expect(claimed.can).toMatchObject({ claim: false, decide: true });

    await decideRequest({
      db,
      staff: officer,
      requestId: request.id,
      expectedVersion: new Date(claimed.version),
      decision: { type: "RETURN", documents: ["BIRTH_CERTIFICATE"], note: "تصویر خوانا نیست." },
    });
    const returned = await db.request.findUniqueOrThrow({ where: { id: request.id }, include: { events: { orderBy: { at: "asc" } } } });
    expect(returned.status).toBe("RETURNED");
    expect(returned.events.at(-1)).toMatchObject({ type: "RETURNED", reasonCode: "MORE_DOCUMENTS" });
    expect(returned.events.at(-1)?.note).toContain("صفحات شناسنامه");

    const citizen = await db.citizenAccount.findUniqueOrThrow({ where: { nationalId: MOHAMMAD } });
    const { key, size } = await storage.put(Buffer.from("%PDF-1.7\n%again\n"));
    await resubmitRequest({
      db,
      storage,
      citizenId: citizen.id,
      requestId: request.id,
      documents: [{ kind: "BIRTH_CERTIFICATE", stored: { key, size, type: { mime: "application/pdf", extension: "pdf" }, fileName: "birth.pdf" } }],
    });
    const resubmitted = await getRequestForReview({ db, staff: officer, requestId: request.id });
    expect(resubmitted.status).toBe("IN_REVIEW");
    expect(resubmitted.assignee?.id).toBe(officer.accountId); // the same officer carries on
    expect(resubmitted.enrolment?.checklist).toEqual([expect.objectContaining({ kind: "BIRTH_CERTIFICATE", provided: true })]);

    const document = await getDocumentForReview({ db, storage, staff: officer, requestId: request.id, documentId: resubmitted.documents[0]!.id });
    document.stream.destroy();
    expect(document.mimeType).toBe("application/pdf");

    await decideRequest({ db, staff: officer, requestId: request.id, expectedVersion: new Date(resubmitted.version), decision: { type: "APPROVE" } });
    const dependents = await listMyDependents({ db, citizenId: citizen.id });
    expect(dependents.covered.map((c) => c.dependentNationalId)).toContain("1111111111");
    const approved = await db.request.findUniqueOrThrow({ where: { id: request.id } });
    expect(approved.decidedAt).not.toBeNull();
    const sms = await db.smsMessage.findFirst({ where: { citizenId: citizen.id }, orderBy: { createdAt: "desc" } });
    expect(sms?.body).toContain("تأیید شد");

    const { views } = await listFileViews({ db, citizenId: citizen.id, pageSize: 200 });
    const mine = views.filter((v) => v.trackingCode === approved.trackingCode).map((v) => v.action);
    expect(mine).toEqual(expect.arrayContaining(["CLAIM", "VIEW_REQUEST", "RETURN", "VIEW_DOCUMENT", "APPROVE"]));
    expect(views.find((v) => v.action === "CLAIM")?.staffName).toBe("مریم احمدی");
  });

  it("rejects with a template that cites the rule, and answers a question", async () => {
    const db = database.prisma();
    const enrolment = await createEnrolmentRequest(db, { citizenNationalId: MOHAMMAD });
    await claimRequest({ db, staff: officer, requestId: enrolment.id });
    await decideRequest({
      db,
      staff: officer,
      requestId: enrolment.id,
      expectedVersion: await versionOf(enrolment.id),
      decision: { type: "REJECT", reason: "NOT_STUDYING", note: "گواهی مربوط به سال گذشته است." },
    });
    const rejected = await db.requestEvent.findFirstOrThrow({ where: { requestId: enrolment.id, type: "REJECTED" } });
    expect(rejected.reasonCode).toBe("NOT_STUDYING");
    expect(rejected.note).toContain("ماده ۵۸");
    expect(rejected.note).toContain("گواهی مربوط به سال گذشته است.");

    const question = await createQuestionRequest(db, { citizenNationalId: MOHAMMAD });
    await claimRequest({ db, staff: colleague, requestId: question.id });
    await expect(
      decideRequest({ db, staff: colleague, requestId: question.id, expectedVersion: await versionOf(question.id), decision: { type: "APPROVE" } }),
    ).rejects.toSatisfy((e) => codeOf(e) === "INVALID_INPUT");
    await decideRequest({
      db,
      staff: colleague,
      requestId: question.id,
      expectedVersion: await versionOf(question.id),
      decision: { type: "ANSWER", answer: "سابقه شما اصلاح شد و در سامانه دیده می‌شود." },
    });
    expect((await db.request.findUniqueOrThrow({ where: { id: question.id } })).status).toBe("ANSWERED");
  });

  it("allows each staff action only to the right people", async () => {
    const db = database.prisma();
    const request = await createEnrolmentRequest(db, { citizenNationalId: MOHAMMAD });
    const id = request.id;
    // Another branch and the administrator cannot see it at all; nothing says it exists.
    for (const outsider of [officerElsewhere, admin]) {
      await expect(getRequestForReview({ db, staff: outsider, requestId: id })).rejects.toSatisfy((e) => codeOf(e) === "NOT_FOUND");
      await expect(claimRequest({ db, staff: outsider, requestId: id })).rejects.toSatisfy((e) => codeOf(e) === "NOT_FOUND");
      await expect(
        decideRequest({ db, staff: outsider, requestId: id, expectedVersion: await versionOf(id), decision: { type: "APPROVE" } }),
      ).rejects.toSatisfy((e) => codeOf(e) === "NOT_FOUND");
      await expect(
        assignRequest({ db, staff: outsider, requestId: id, assigneeId: outsider.accountId, expectedVersion: await versionOf(id) }),
      ).rejects.toSatisfy((e) => codeOf(e) === "NOT_FOUND");
    }
    // ...and their attempts are not recorded as views of the file.
    expect(await db.auditEntry.count({ where: { requestId: id } })).toBe(0);
    await expect(listReviewQueue({ db, staff: admin, filters: ZQueueFilters.parse({}) })).rejects.toSatisfy((e) => codeOf(e) === "NOT_FOUND");
    expect((await listReviewQueue({ db, staff: officerElsewhere, filters: ZQueueFilters.parse({ q: request.trackingCode }) })).rows).toEqual([]);
    expect((await listReviewQueue({ db, staff: head, filters: ZQueueFilters.parse({ q: request.trackingCode }) })).rows).toHaveLength(1);
    // Unclaimed: nobody may decide, not even the head.
    for (const staff of [officer, head]) {
      await expect(decideRequest({ db, staff, requestId: id, expectedVersion: await versionOf(id), decision: { type: "APPROVE" } })).rejects.toSatisfy(
        (e) => codeOf(e) === "FORBIDDEN",
      );
    }
    await claimRequest({ db, staff: officer, requestId: id });
    // Held by the officer: a colleague can neither claim nor decide; an officer cannot reassign.
    await expect(claimRequest({ db, staff: colleague, requestId: id })).rejects.toSatisfy((e) => codeOf(e) === "CONFLICT");
    await expect(
      decideRequest({ db, staff: colleague, requestId: id, expectedVersion: await versionOf(id), decision: { type: "APPROVE" } }),
    ).rejects.toSatisfy((e) => codeOf(e) === "FORBIDDEN");
    await expect(
      assignRequest({ db, staff: colleague, requestId: id, assigneeId: colleague.accountId, expectedVersion: await versionOf(id) }),
    ).rejects.toSatisfy((e) => codeOf(e) === "FORBIDDEN");
    // The head reassigns to the colleague, who may then decide; the first officer no longer can.
    await expect(
      assignRequest({ db, staff: head, requestId: id, assigneeId: officerElsewhere.accountId, expectedVersion: await versionOf(id) }),
    ).rejects.toSatisfy((e) => codeOf(e) === "INVALID_INPUT");
    await assignRequest({ db, staff: head, requestId: id, assigneeId: colleague.accountId, expectedVersion: await versionOf(id) });
    await expect(
      decideRequest({ db, staff: officer, requestId: id, expectedVersion: await versionOf(id), decision: { type: "APPROVE" } }),
    ).rejects.toSatisfy((e) => codeOf(e) === "FORBIDDEN");
    await decideRequest({ db, staff: colleague, requestId: id, expectedVersion: await versionOf(id), decision: { type: "APPROVE" } });
    const events = await db.requestEvent.findMany({ where: { requestId: id }, orderBy: { at: "asc" } });
    expect(events.map((e) => [e.type, e.assigneeStaffId])).toEqual([
      ["SUBMITTED", null],
      ["ASSIGNED", officer.accountId],
      ["ASSIGNED", colleague.accountId],
      ["APPROVED", null],
    ]);
  });

  it("leaves exactly one decision when two officers decide at once, and refuses a decision on a changed request", async () => {
    const db = database.prisma();
    const request = await createEnrolmentRequest(db, { citizenNationalId: MOHAMMAD });
    await claimRequest({ db, staff: officer, requestId: request.id });
    const seen = await versionOf(request.id);
    // The holder in two tabs, and a colleague, all at the same moment.
    const results = await Promise.allSettled([
      decideRequest({ db, staff: officer, requestId: request.id, expectedVersion: seen, decision: { type: "APPROVE" } }),
      decideRequest({ db, staff: officer, requestId: request.id, expectedVersion: seen, decision: { type: "REJECT", reason: "DOCUMENTS_INVALID" } }),
      decideRequest({ db, staff: colleague, requestId: request.id, expectedVersion: seen, decision: { type: "REJECT", reason: "OTHER", note: "تکراری است و باید رد شود" } }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const decisions = await db.requestEvent.count({ where: { requestId: request.id, type: { in: ["APPROVED", "REJECTED"] } } });
    expect(decisions).toBe(1);
    const audits = await db.auditEntry.count({ where: { requestId: request.id, action: { in: ["APPROVE", "REJECT"] } } });
    expect(audits).toBe(1);

    // Two claims at once: one owner.
    const other = await createEnrolmentRequest(db, { citizenNationalId: MOHAMMAD });
    const claims = await Promise.allSettled([
      claimRequest({ db, staff: officer, requestId: other.id }),
      claimRequest({ db, staff: colleague, requestId: other.id }),
    ]);
    expect(claims.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.requestEvent.count({ where: { requestId: other.id, type: "ASSIGNED" } })).toBe(1);

    // A decision made on a page shown before the request changed is refused.
    const stale = await versionOf(other.id);
    const holder = (await db.request.findUniqueOrThrow({ where: { id: other.id } })).assignedStaffId === officer.accountId ? officer : colleague;
    await assignRequest({ db, staff: head, requestId: other.id, assigneeId: holder.accountId === officer.accountId ? colleague.accountId : officer.accountId, expectedVersion: stale });
    await assignRequest({ db, staff: head, requestId: other.id, assigneeId: holder.accountId, expectedVersion: await versionOf(other.id) });
    await expect(decideRequest({ db, staff: holder, requestId: other.id, expectedVersion: stale, decision: { type: "APPROVE" } })).rejects.toSatisfy(
      (e) => codeOf(e) === "CONFLICT",
    );
  });

  it("keeps the audit log and the request history append-only in the database", async () => {
    const db = database.prisma();
    const request = await createQuestionRequest(db, { citizenNationalId: MOHAMMAD });
    const viewedAt = new Date();
    await getRequestForReview({ db, staff: officer, requestId: request.id, now: viewedAt });
    // One view, one row: who looked at whose file, and when.
    const [entry, ...more] = await db.auditEntry.findMany({ where: { requestId: request.id } });
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ staffId: officer.accountId, action: "VIEW_REQUEST", subjectNationalId: MOHAMMAD, at: viewedAt, documentId: null, detail: null });
    if (!entry) throw new Error("no audit row");
    await expect(db.auditEntry.update({ where: { id: entry.id }, data: { detail: "changed" } })).rejects.toThrow(/append-only/);
    await expect(db.auditEntry.delete({ where: { id: entry.id } })).rejects.toThrow(/append-only/);
    // (PGlite's adapter loses the message of a statement-level trigger error; that it throws is what counts.)
    await expect(db.$executeRawUnsafe('TRUNCATE "AuditEntry"')).rejects.toThrow();
    const event = await db.requestEvent.findFirstOrThrow({ where: { requestId: request.id } });
    await expect(db.requestEvent.update({ where: { id: event.id }, data: { note: "changed" } })).rejects.toThrow(/append-only/);
    await expect(db.requestEvent.deleteMany({ where: { requestId: request.id } })).rejects.toThrow(/append-only/);
    expect(await db.auditEntry.count({ where: { id: entry.id, detail: null } })).toBe(1);
    expect(await db.requestEvent.count({ where: { requestId: request.id } })).toBe(1);
  });

  it("pages the queue by cursor, filters it, finds by tracking code or national ID, and exports it safely", async () => {
    const db = database.prisma();
    const base = new Date("2030-01-05T08:00:00Z");
    // A branch with its own rows: the other citizen's branch (1202), twelve questions with distinct deadlines.
    const officer1202 = officerElsewhere;
    const created = [];
    for (let i = 0; i < 12; i++) {
      created.push(await createQuestionRequest(db, { citizenNationalId: OTHER_BRANCH_CITIZEN, now: base, dueAt: new Date(base.getTime() + (i % 4) * 86_400_000) }));
    }
    const seen: string[] = [];
    let after: string | undefined;
    for (let pageNo = 0; pageNo < 10; pageNo++) {
      const page = await listReviewQueue({ db, staff: officer1202, filters: ZQueueFilters.parse({ after }), pageSize: 5, now: base });
      seen.push(...page.rows.map((r) => r.id));
      for (let i = 1; i < page.rows.length; i++) expect(page.rows[i - 1]!.dueAt!.getTime()).toBeLessThanOrEqual(page.rows[i]!.dueAt!.getTime());
      if (!page.nextCursor) break;
      after = page.nextCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(created.map((c) => c.id)));

    const byCode = await listReviewQueue({ db, staff: officer1202, filters: ZQueueFilters.parse({ q: created[3]!.trackingCode }), now: base });
    expect(byCode.rows.map((r) => r.id)).toEqual([created[3]!.id]);
    const byPersianId = await listReviewQueue({ db, staff: officer1202, filters: ZQueueFilters.parse({ q: "۶۹۷۸۷۵۸۳۷۱" }), now: base });
    expect(byPersianId.rows.length).toBeGreaterThanOrEqual(12);
    const overdue = await listReviewQueue({ db, staff: officer1202, filters: ZQueueFilters.parse({ overdue: "1" }), now: new Date(base.getTime() + 1.5 * 86_400_000) });
    expect(overdue.rows.every((r) => r.overdue)).toBe(true);
    expect(overdue.rows.length).toBeGreaterThanOrEqual(6);
    // Branch 1201's officer never sees branch 1202's rows.
    const elsewhere = await listReviewQueue({ db, staff: officer, filters: ZQueueFilters.parse({ q: created[0]!.trackingCode }), now: base });
    expect(elsewhere.rows).toEqual([]);
    const garbage = await listReviewQueue({ db, staff: officer1202, filters: ZQueueFilters.parse({ after: "not-a-cursor" }), pageSize: 5, now: base });
    expect(garbage.rows).toHaveLength(5);

    const csv = await exportReviewQueue({ db, staff: officer1202, filters: ZQueueFilters.parse({}), now: base });
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv).toContain(created[0]!.trackingCode);
    expect(csv).not.toContain(MOHAMMAD);
    expect(csvCell("=HYPERLINK(\"x\")")).toBe(`"'=HYPERLINK(""x"")"`);
    // Dates on the official calendar for people (2030-01-05 in Tehran is 1408/10/16), ISO instants for machines.
    const firstCode = created[0]!.trackingCode;
    const firstRow = csv.split("\r\n").find((line) => line.includes(firstCode))!;
    expect(firstRow).toContain(`"1408/10/16"`);
    expect(firstRow).toContain(`"${base.toISOString()}"`);
    // The status in the words of the queue page, not a word of the export's own.
    expect(firstRow).toContain(`"ثبت شده، در انتظار بررسی"`);
    expect(csv.split("\r\n")[0]).toContain("زمان ثبت (ISO 8601)");
    expect(csv).not.toContain("بریده شد");
    // A queue longer than the limit says so in its last line instead of ending silently.
    const cut = await exportReviewQueue({ db, staff: officer1202, filters: ZQueueFilters.parse({}), now: base, limit: 5 });
    const cutLines = cut.trimEnd().split("\r\n");
    expect(cutLines).toHaveLength(1 + 5 + 1);
    expect(cutLines.at(-1)).toMatch(/^"فهرست بریده شد: فقط ۵ ردیف نخست آمده است/);
    expect(await db.auditEntry.count({ where: { staffId: officer1202.accountId, action: "EXPORT_QUEUE" } })).toBe(2);
  });
});
