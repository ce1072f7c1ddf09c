import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalFileStorage } from "@/lib/adapters/storage/local-file-storage";
import { createSession, resolveSession } from "@/lib/server/auth/sessions";
import type { Db } from "@/lib/server/db/prisma";
import { seedDemo } from "@/lib/server/demo/seed-demo";
import { fileQuestion } from "@/lib/server/requests/file-question";
import { getMyRequest } from "@/lib/server/requests/get-my-request";
import { createTestDatabase, testEngine, type TestDatabase } from "@/tests/support/test-database";
import { confirmMandate } from "./confirm-mandate";
import { listMandateUses } from "./list-mandate-uses";
import { listMandates } from "./list-mandates";
import { listOpenableFiles, openFile } from "./open-file";
import { requestMandate } from "./request-mandate";
import { revokeMandate } from "./revoke-mandate";

/** A fresh database with the demo data for the describe block it is called in. */
function seededDatabase(): { prisma: () => Db } {
  let database: TestDatabase;
  beforeAll(async () => {
    process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0000";
    database = await createTestDatabase();
    await seedDemo({ db: database.prisma() });
  });
  afterAll(() => database.close());
  return { prisma: () => database.prisma() };
}

// Family C: فائزه (9639508683) asks to act for her father ابراهیم (7198108121).
describe(`mandates on ${testEngine()}`, () => {
  let database: TestDatabase;
  let storageRoot: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0000";
    database = await createTestDatabase();
    await seedDemo({ db: database.prisma() });
    storageRoot = fs.mkdtempSync(path.join(os.tmpdir(), "portal-storage-"));
    for (const nationalId of ["9639508683", "7198108121", "7622463191", "0012345679"]) {
      ids[nationalId] = (await database.prisma().citizenAccount.findUniqueOrThrow({ where: { nationalId }, select: { id: true } })).id;
    }
  });
  afterAll(async () => {
    await database.close();
    fs.rmSync(storageRoot, { recursive: true, force: true });
  });

  const helperId = () => ids["9639508683"]!;
  const fatherId = () => ids["7198108121"]!;
  const lastSmsTo = (to: string) => database.prisma().smsMessage.findFirst({ where: { to }, orderBy: { createdAt: "desc" }, select: { body: true, kind: true } });
  const codeIn = (body: string | undefined) => /(?<!\d)(\d{6})(?!\d)/.exec(body ?? "")?.[1] ?? "";

  it("refuses a mandate for oneself", async () => {
    const result = await requestMandate({ db: database.prisma(), helperId: helperId(), principalNationalId: "9639508683", scopes: ["VIEW"], months: 1 });
    expect(result).toEqual({ ok: false, reason: "SELF" });
  });

  it("answers the same for a national ID without an account, and no code ever fits", async () => {
    const db = database.prisma();
    const smsBefore = await db.smsMessage.count();
    const result = await requestMandate({ db, helperId: helperId(), principalNationalId: "6658477736", scopes: ["VIEW"], months: 1 });
    expect(result.ok).toBe(true);
    expect(await db.smsMessage.count()).toBe(smsBefore);
    if (!result.ok) return;
    expect(await confirmMandate({ db, helperId: helperId(), mandateId: result.mandateId, code: "123456" })).toMatchObject({ ok: false, reason: "WRONG_CODE" });
  });

  let mandateId = "";
  it("sends the principal a code that says what is asked, and grants the mandate with it", async () => {
    const db = database.prisma();
    const now = new Date();
    const result = await requestMandate({ db, helperId: helperId(), principalNationalId: "7198108121", scopes: ["VIEW", "FILE_QUESTIONS"], months: 3, now });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    mandateId = result.mandateId;
    const sms = await lastSmsTo("09372295848");
    expect(sms?.body).toContain("فائزه مرادی");
    expect(sms?.body).toContain("ثبت پرسش");
    const code = codeIn(sms?.body);
    expect(code).toMatch(/^\d{6}$/);
    // The code is not in the principal's «پیام‌ها», which a helper may be allowed to read.
    const { listMyMessages } = await import("@/lib/server/accounts/list-my-messages");
    expect((await listMyMessages({ db, citizenId: fatherId() })).map((m) => m.body).join("\n")).not.toContain(code);

    // Someone else cannot use the code for the helper's request.
    expect(await confirmMandate({ db, helperId: ids["0012345679"]!, mandateId, code })).toMatchObject({ ok: false, reason: "NOT_PENDING" });
    const wrong = code === "000000" ? "111111" : "000000";
    expect(await confirmMandate({ db, helperId: helperId(), mandateId, code: wrong })).toMatchObject({ ok: false, reason: "WRONG_CODE" });
    expect(await confirmMandate({ db, helperId: helperId(), mandateId, code })).toEqual({ ok: true });

    const granted = await db.mandate.findUniqueOrThrow({ where: { id: mandateId }, select: { grantedAt: true, events: { select: { type: true, actorCitizenId: true }, orderBy: { at: "asc" } } } });
    expect(granted.grantedAt).not.toBeNull();
    expect(granted.events).toEqual([
      { type: "REQUESTED", actorCitizenId: helperId() },
      { type: "GRANTED", actorCitizenId: fatherId() },
    ]);
    expect(await lastSmsTo("09372295848")).toMatchObject({ kind: "MANDATE" });
    expect((await lastSmsTo("09372295848"))?.body).toContain("می‌تواند");

    // One live mandate per pair.
    expect(await requestMandate({ db, helperId: helperId(), principalNationalId: "7198108121", scopes: ["VIEW"], months: 1 })).toEqual({
      ok: false,
      reason: "ALREADY_ACTIVE",
    });
    const both = await listMandates({ db, citizenId: fatherId() });
    expect(both.given.map((m) => [m.otherNationalId, m.state])).toContainEqual(["9639508683", "ACTIVE"]);
  });

  it("opens the principal's file in the helper's session only, and files under the helper's name", async () => {
    const db = database.prisma();
    const session = await createSession({ db, subject: { kind: "CITIZEN", citizenId: helperId() } });
    // Another helper (مصطفی) cannot open his sister's mandate.
    const brother = await createSession({ db, subject: { kind: "CITIZEN", citizenId: ids["7622463191"]! } });
    expect(await openFile({ db, sessionId: brother.id, helperId: ids["7622463191"]!, mandateId })).toBe(false);
    expect(await openFile({ db, sessionId: session.id, helperId: helperId(), mandateId })).toBe(true);
    expect((await listOpenableFiles({ db, helperId: helperId() })).map((f) => f.nationalId)).toEqual(["7198108121"]);

    const user = await resolveSession({ db, sessionId: session.id });
    expect(user).toMatchObject({
      kind: "citizen",
      accountId: helperId(),
      acting: { status: "active", mandateId, principalId: fatherId(), principalNationalId: "7198108121", scopes: ["VIEW", "FILE_QUESTIONS"] },
    });

    const storage = new LocalFileStorage({ root: storageRoot });
    const filed = await fileQuestion({
      db,
      storage,
      citizenId: fatherId(),
      helper: { citizenId: helperId(), mandateId },
      question: { domain: "INSURANCE", subject: "سابقه بیمه پدرم", body: "سابقه سال‌های ۱۳۷۰ تا ۱۳۷۵ پدرم در پرونده دیده نمی‌شود.", submissionId: crypto.randomUUID() },
      attachment: null,
    });
    const request = await getMyRequest({ db, citizenId: fatherId(), requestId: filed.requestId });
    expect(request.events[0]).toMatchObject({ type: "SUBMITTED", helperName: "فائزه مرادی" });
    const uses = await listMandateUses({ db, principalId: fatherId() });
    expect(uses[0]).toMatchObject({ kind: "FILE_QUESTION", helperName: "فائزه مرادی", trackingCode: request.trackingCode });
  });

  it("ends access at once when the principal revokes, and tells him", async () => {
    const db = database.prisma();
    const session = await createSession({ db, subject: { kind: "CITIZEN", citizenId: helperId() } });
    expect(await openFile({ db, sessionId: session.id, helperId: helperId(), mandateId })).toBe(true);
    // The helper cannot revoke someone else's mandate; the principal can.
    expect(await revokeMandate({ db, citizenId: ids["0012345679"]!, mandateId })).toBe(false);
    expect(await revokeMandate({ db, citizenId: fatherId(), mandateId })).toBe(true);
    expect(await revokeMandate({ db, citizenId: fatherId(), mandateId })).toBe(false);
    expect(await resolveSession({ db, sessionId: session.id })).toMatchObject({ acting: { status: "ended", mandateId } });
    expect(await openFile({ db, sessionId: session.id, helperId: helperId(), mandateId })).toBe(false);
    expect((await lastSmsTo("09372295848"))?.body).toContain("لغو شد");
    expect(await db.mandateEvent.count({ where: { mandateId, type: "REVOKED", actorCitizenId: fatherId() } })).toBe(1);
  });

  it("ends access when the mandate runs out", async () => {
    const db = database.prisma();
    const demo = await db.mandate.findFirstOrThrow({ where: { helperId: ids["7622463191"]!, principalId: fatherId() }, select: { id: true } });
    const session = await createSession({ db, subject: { kind: "CITIZEN", citizenId: ids["7622463191"]! } });
    expect(await openFile({ db, sessionId: session.id, helperId: ids["7622463191"]!, mandateId: demo.id })).toBe(true);
    expect(await resolveSession({ db, sessionId: session.id })).toMatchObject({ acting: { status: "active", scopes: ["VIEW", "FILE_QUESTIONS"] } });
    await db.mandate.update({ where: { id: demo.id }, data: { endsAt: new Date(Date.now() - 1000) } });
    expect(await resolveSession({ db, sessionId: session.id })).toMatchObject({ acting: { status: "ended" } });
    expect(await openFile({ db, sessionId: session.id, helperId: ids["7622463191"]!, mandateId: demo.id })).toBe(false);
    // Back to one's own file.
    expect(await openFile({ db, sessionId: session.id, helperId: ids["7622463191"]!, mandateId: null })).toBe(true);
    expect(await resolveSession({ db, sessionId: session.id })).toMatchObject({ kind: "citizen", acting: null });
  });
});

describe(`the principal's branch visit under a mandate on ${testEngine()}`, () => {
  const database = seededDatabase();

  it("books, moves and cancels the visit as the principal's, kept as the helper's act", async () => {
    const db = database.prisma();
    const { loadVisitBooking } = await import("@/lib/server/visits/load-visit-booking");
    const { bookVisit } = await import("@/lib/server/visits/book-visit");
    const { cancelVisit, moveVisit } = await import("@/lib/server/visits/change-visit");
    const { citizenBooker } = await import("@/lib/server/visits/visit-bookers");
    const account = (nationalId: string) => db.citizenAccount.findUniqueOrThrow({ where: { nationalId }, select: { id: true, mobile: true } });
    const father = await account("7198108121");
    const helperId = (await account("0012345679")).id;
    const now = new Date();
    const mandate = await db.mandate.create({
      data: { helperId, principalNationalId: "7198108121", principalId: father.id, scopes: ["BOOK_VISITS"], endsAt: new Date(now.getTime() + 30 * 86_400_000), grantedAt: now },
      select: { id: true },
    });
    const helper = { citizenId: helperId, mandateId: mandate.id };
    const [first, second] = (await loadVisitBooking({ db, nationalId: "7198108121", branch: undefined, now })).days.flatMap((d) => d.slots.filter((s) => s.free > 0));
    expect(second).toBeDefined();

    // Booked with the principal's national ID and mobile: the visit and its SMS are his.
    const booked = await bookVisit({ db, booker: await citizenBooker({ db, accountId: father.id }), slotId: first!.id, helper, now });
    expect(booked.booked).toBe(true);
    if (!booked.booked) return;
    expect(await db.branchVisit.findUniqueOrThrow({ where: { id: booked.visitId }, select: { nationalId: true, mobile: true, citizenId: true } })).toEqual({
      nationalId: "7198108121",
      mobile: father.mobile,
      citizenId: father.id,
    });
    const lastSms = await db.smsMessage.findFirstOrThrow({ where: { kind: "BRANCH_VISIT" }, orderBy: { createdAt: "desc" }, select: { to: true, citizenId: true } });
    expect(lastSms).toEqual({ to: father.mobile, citizenId: father.id });
    // The principal sees it as his own visit, on his own page.
    expect((await loadVisitBooking({ db, nationalId: "7198108121", branch: undefined, now })).current?.id).toBe(booked.visitId);
    // The branch's day list names the helper, who may come along.
    const { listBranchDay } = await import("@/lib/server/visits/list-branch-day");
    const visit = await db.branchVisit.findUniqueOrThrow({ where: { id: booked.visitId }, select: { branchId: true, slot: { select: { day: true } } } });
    const officer = await db.staffAccount.create({
      data: { personnelCode: "990301", firstName: "آزمون", lastName: "آزمونی", role: "OFFICER", branchId: visit.branchId, passwordHash: "x" },
      select: { id: true },
    });
    const dayList = await listBranchDay({ db, staff: { accountId: officer.id, role: "OFFICER", branchId: visit.branchId }, day: visit.slot.day.toISOString().slice(0, 10) });
    expect(dayList.visits.find((v) => v.id === booked.visitId)?.bookedByHelper).toEqual({ name: "محمد رضایی", nationalId: "0012345679" });

    expect(await moveVisit({ db, visitId: booked.visitId, nationalId: "7198108121", slotId: second!.id, helper, now })).toEqual({ changed: true });
    expect(await cancelVisit({ db, visitId: booked.visitId, nationalId: "7198108121", helper, now })).toEqual({ changed: true });

    // Each step names the helper and the mandate; each is among the principal's mandate uses.
    const events = await db.branchVisitEvent.findMany({ where: { visitId: booked.visitId }, orderBy: { at: "asc" }, select: { type: true, actorKind: true, actorCitizenId: true, mandateId: true } });
    expect(events.map((e) => e.type).sort()).toEqual(["BOOKED", "CANCELLED", "MOVED"]);
    for (const event of events) expect(event).toMatchObject({ actorKind: "CITIZEN", actorCitizenId: helperId, mandateId: mandate.id });
    const uses = await listMandateUses({ db, principalId: father.id });
    expect(uses.filter((u) => u.kind.endsWith("_VISIT")).map((u) => u.kind).sort()).toEqual(["BOOK_VISIT", "CANCEL_VISIT", "MOVE_VISIT"]);

    // The person's own booking names no helper.
    const own = await bookVisit({ db, booker: await citizenBooker({ db, accountId: father.id }), slotId: first!.id, now });
    expect(own.booked).toBe(true);
    if (!own.booked) return;
    expect(await db.branchVisitEvent.findFirstOrThrow({ where: { visitId: own.visitId }, select: { actorCitizenId: true, mandateId: true } })).toEqual({
      actorCitizenId: null,
      mandateId: null,
    });
    expect(await db.mandateUse.count({ where: { mandateId: mandate.id } })).toBe(3);
  });
});

describe(`the principal's weekly summary on ${testEngine()}`, () => {
  const database = seededDatabase();

  it("tells each principal once a week what a helper did, and nothing for a week without use", async () => {
    const db = database.prisma();
    const { sendWeeklyUseSummaries } = await import("./send-weekly-use-summaries");
    const { recordMandateUse } = await import("./record-mandate-use");
    const demo = await db.mandate.findFirstOrThrow({ where: { principalNationalId: "7198108121" }, select: { id: true } });
    const now = new Date("2027-01-02T07:00:00Z");
    const day = 24 * 3600 * 1000;
    expect(await sendWeeklyUseSummaries({ db, now })).toBe(0);

    for (const kind of ["VIEW_REQUESTS", "VIEW_REQUEST", "FILE_QUESTION"] as const) await recordMandateUse(db, { mandateId: demo.id }, kind);
    await db.mandateUse.updateMany({ where: { mandateId: demo.id }, data: { at: new Date(now.getTime() - 2 * day) } });
    // One use older than a week is not counted.
    await db.mandateUse.create({ data: { mandateId: demo.id, kind: "VIEW_MESSAGES", at: new Date(now.getTime() - 8 * day) } });

    const runs = await Promise.all([sendWeeklyUseSummaries({ db, now }), sendWeeklyUseSummaries({ db, now: new Date(now.getTime() + 3600_000) })]);
    expect(runs.reduce((a, b) => a + b, 0)).toBe(1);
    const sent = await db.smsMessage.findMany({ where: { to: "09372295848", kind: "MANDATE" }, select: { body: true } });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body).toContain("مصطفی مرادی");
    expect(sent[0]!.body).toContain("۲ بار پرونده شما را دید و ۱ کار انجام داد");
  });
});

describe(`mandates recorded at a branch on ${testEngine()}`, () => {
  const database = seededDatabase();

  it("grants one mandate of ten recorded at once, audits it and tells the principal", async () => {
    const db = database.prisma();
    const { recordMandateAtBranch } = await import("./record-mandate-at-branch");
    const officer = await db.staffAccount.findUniqueOrThrow({ where: { personnelCode: "120101" }, select: { id: true } });
    const record = (helperNationalId: string, principalNationalId: string) =>
      recordMandateAtBranch({ db, staffId: officer.id, helperNationalId, principalNationalId, scopes: ["VIEW", "ENROL_DEPENDENTS"], months: 12 });

    expect(await record("9639508683", "9639508683")).toEqual({ ok: false, reason: "SAME_PERSON" });
    expect(await record("9639508683", "6658477736")).toEqual({ ok: false, reason: "NO_ACCOUNT", who: "principal" });
    expect(await record("6658477736", "3537851685")).toEqual({ ok: false, reason: "NO_ACCOUNT", who: "helper" });

    const results = await Promise.all(Array.from({ length: 10 }, () => record("9639508683", "3537851685")));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === "ALREADY_ACTIVE")).toHaveLength(9);
    const mandate = await db.mandate.findFirstOrThrow({
      where: { principalNationalId: "3537851685" },
      select: { grantedAt: true, events: { select: { type: true, actorStaffId: true }, orderBy: { at: "asc" } } },
    });
    expect(mandate.grantedAt).not.toBeNull();
    expect(mandate.events).toEqual([
      { type: "REQUESTED", actorStaffId: officer.id },
      { type: "GRANTED", actorStaffId: officer.id },
    ]);
    expect(await db.auditEntry.count({ where: { action: "RECORD_MANDATE", staffId: officer.id, subjectNationalId: "3537851685" } })).toBe(1);
    expect(await db.smsMessage.count({ where: { to: "09365690168", kind: "MANDATE" } })).toBe(1);
  });

  it("grants a new mandate once the pair's last one has run out", async () => {
    const db = database.prisma();
    const { recordMandateAtBranch } = await import("./record-mandate-at-branch");
    const officer = await db.staffAccount.findUniqueOrThrow({ where: { personnelCode: "120101" }, select: { id: true } });
    await db.mandate.updateMany({ where: { principalNationalId: "3537851685" }, data: { endsAt: new Date(Date.now() - 1000) } });
    const again = await recordMandateAtBranch({ db, staffId: officer.id, helperNationalId: "9639508683", principalNationalId: "3537851685", scopes: ["VIEW"], months: 1 });
    expect(again.ok).toBe(true);
  });
});
