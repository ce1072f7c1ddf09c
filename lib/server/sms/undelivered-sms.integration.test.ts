import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";
import { AppError } from "@/lib/errors";
import type { SmsKind, SmsStatus } from "@/lib/generated/prisma/enums";
import type { Db } from "@/lib/server/db/prisma";
import { seedDemo } from "@/lib/server/demo/seed-demo";
import { startMessageDelivery, type RunningDelivery } from "@/lib/server/jobs/job-queue";
import { staffActor } from "@/tests/support/review-factories";
import { startStubServer, type StubServer } from "@/tests/support/stub-server";
import { createTestDatabase, testEngine, type TestDatabase } from "@/tests/support/test-database";
import { listUndeliveredSms } from "./list-undelivered-sms";
import { retrySms } from "./retry-sms";

const ADMIN = "900001";
const MOHAMMAD = "0012345679";
const codeOf = (error: unknown) => (error instanceof AppError ? error.code : String(error));

describe(`the administrator's undelivered messages on ${testEngine()}`, () => {
  let database: TestDatabase;
  let db: Db;
  let gateway: StubServer;
  const accepted: string[] = [];
  let delivery: RunningDelivery | undefined;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.prisma();
    await seedDemo({ db });
    gateway = await startStubServer((request) => {
      accepted.push(String(request.headers["idempotency-key"]));
      return { status: 200, json: { messageId: "gw-1" } };
    });
  });
  afterEach(async () => {
    await delivery?.stop();
    delivery = undefined;
    accepted.length = 0;
    await db.smsMessage.deleteMany();
  });
  afterAll(async () => {
    await gateway?.close();
    await database?.close();
  });

  async function message(data: { to?: string; status: SmsStatus; kind: SmsKind | null; body?: string; createdAt?: Date; citizenId?: string | null }) {
    return db.smsMessage.create({
      data: {
        to: data.to ?? "09121234567",
        body: data.body ?? "درخواست شما با کد رهگیری ۱۲۳۴-۵۶۷-۸۹۰ تأیید شد.",
        kind: data.kind,
        provider: "http",
        status: data.status,
        attempts: data.status === "QUEUED" ? 0 : 8,
        error: data.status === "FAILED" || data.status === "DEAD" ? "SMS gateway server error HTTP 503" : null,
        nextAttemptAt: data.status === "FAILED" ? new Date("2026-12-02T09:00:00Z") : null,
        createdAt: data.createdAt ?? new Date(),
        citizenId: data.citizenId ?? null,
      },
      select: { id: true },
    });
  }

  it("lists dead and failing messages newest first, page by page, masked, never a code's text", async () => {
    const admin = await staffActor(db, ADMIN);
    const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 10, minute));
    const dead = await message({ status: "DEAD", kind: "REQUEST_UPDATE", to: "09121112222", createdAt: at(1) });
    const failing = await message({ status: "FAILED", kind: "REQUEST_RECEIVED", createdAt: at(3) });
    const code = await message({ status: "DEAD", kind: "ONE_TIME_CODE", body: "کد تأیید ثبت‌نام: 482913", createdAt: at(2) });
    await message({ status: "SENT", kind: "REQUEST_UPDATE", createdAt: at(4) });
    await message({ status: "QUEUED", kind: "REQUEST_UPDATE", createdAt: at(5) });

    const first = await listUndeliveredSms({ db, actor: admin, pageSize: 2 });
    expect(first.total).toBe(3);
    expect(first.messages.map((m) => m.id)).toEqual([failing.id, code.id]);
    const second = await listUndeliveredSms({ db, actor: admin, pageSize: 2, after: first.nextCursor ?? undefined });
    expect(second.messages.map((m) => m.id)).toEqual([dead.id]);
    expect(second.nextCursor).toBeNull();
    // A cursor edited by hand starts again from the newest.
    expect((await listUndeliveredSms({ db, actor: admin, pageSize: 2, after: "not-a-cursor" })).messages[0]!.id).toBe(failing.id);

    const [failingRow, codeRow] = first.messages;
    expect(failingRow).toMatchObject({ status: "FAILED", kind: "REQUEST_RECEIVED", canRetry: false, attempts: 8, error: "SMS gateway server error HTTP 503" });
    expect(failingRow!.nextAttemptAt).toEqual(new Date("2026-12-02T09:00:00Z"));
    expect(codeRow).toMatchObject({ status: "DEAD", kind: "ONE_TIME_CODE", body: null, canRetry: false });
    expect(second.messages[0]).toMatchObject({ maskedTo: "0912***2222", canRetry: true, body: expect.stringContaining("تأیید شد") });
    // Nothing of the list carries a full number or a code.
    const everything = JSON.stringify([...first.messages, ...second.messages]);
    expect(everything).not.toMatch(/09121112222|09121234567|482913/);
  });

  it("sends a dead message again: queued for a new round, delivered, and audited with its citizen", async () => {
    const admin = await staffActor(db, ADMIN);
    const citizen = await db.citizenAccount.findUniqueOrThrow({ where: { nationalId: MOHAMMAD }, select: { id: true } });
    const dead = await message({ status: "DEAD", kind: "REQUEST_UPDATE", citizenId: citizen.id });
    // This engine's delivery, running as in a server: on PostgreSQL pg-boss, which delivers
    // only messages that have a job (nothing scans the table there), so the message arrives
    // only if the retry wrote its job; on the embedded database the server's loop.
    delivery = await startMessageDelivery({
      config: parseConfig({
        ...(database.url ? { DATABASE_URL: database.url } : {}),
        SMS_PROVIDER: "http",
        SMS_HTTP_URL: `${gateway.url}/send`,
        SMS_TIMEOUT_MS: "5000",
      }),
      db,
      pollMs: 200,
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(accepted).toEqual([]);

    await retrySms({ db, actor: admin, messageId: dead.id });

    const audit = await db.auditEntry.findMany({ where: { action: "RETRY_SMS" }, select: { staffId: true, subjectNationalId: true, detail: true } });
    expect(audit).toEqual([
      { staffId: admin.accountId, subjectNationalId: MOHAMMAD, detail: `${dead.id} REQUEST_UPDATE after 8 tries: SMS gateway server error HTTP 503` },
    ]);
    expect((await listUndeliveredSms({ db, actor: admin })).total).toBe(0);
    const deadline = Date.now() + 30_000;
    while ((await db.smsMessage.findUniqueOrThrow({ where: { id: dead.id } })).status !== "SENT") {
      if (Date.now() > deadline) throw new Error("the retried message was not delivered");
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(accepted).toEqual([dead.id]);
    expect(await db.smsMessage.findUniqueOrThrow({ where: { id: dead.id }, select: { attempts: true } })).toEqual({ attempts: 1 });
  });

  it("refuses to send again a message that is not dead, or a one-time code, and changes nothing", async () => {
    const admin = await staffActor(db, ADMIN);
    const failing = await message({ status: "FAILED", kind: "REQUEST_RECEIVED" });
    const sent = await message({ status: "SENT", kind: "REQUEST_RECEIVED" });
    const code = await message({ status: "DEAD", kind: "ONE_TIME_CODE", body: "کد تأیید ثبت‌نام: 482913" });

    expect(codeOf(await retrySms({ db, actor: admin, messageId: failing.id }).catch((e: unknown) => e))).toBe("CONFLICT");
    expect(codeOf(await retrySms({ db, actor: admin, messageId: sent.id }).catch((e: unknown) => e))).toBe("CONFLICT");
    expect(codeOf(await retrySms({ db, actor: admin, messageId: code.id }).catch((e: unknown) => e))).toBe("INVALID_INPUT");
    expect(codeOf(await retrySms({ db, actor: admin, messageId: "7cf0ae0e-bafe-43b5-ba8d-a63db7ab9cb4" }).catch((e: unknown) => e))).toBe("NOT_FOUND");
    // Pressed twice (two administrators, or a double click): the second finds it queued.
    const dead = await message({ status: "DEAD", kind: "PASSWORD_CHANGED" });
    await retrySms({ db, actor: admin, messageId: dead.id });
    expect(codeOf(await retrySms({ db, actor: admin, messageId: dead.id }).catch((e: unknown) => e))).toBe("CONFLICT");

    const rows = await db.smsMessage.findMany({ where: { id: { in: [failing.id, sent.id, code.id] } }, select: { status: true } });
    expect(rows.map((r) => r.status).sort()).toEqual(["DEAD", "FAILED", "SENT"]);
    expect(await db.auditEntry.count({ where: { action: "RETRY_SMS", detail: { startsWith: dead.id } } })).toBe(1);
    // Audit rows cannot be deleted, so earlier tests' entries remain: count this test's refused messages.
    for (const refused of [failing, sent, code]) {
      expect(await db.auditEntry.count({ where: { action: "RETRY_SMS", detail: { startsWith: refused.id } } })).toBe(0);
    }
  });

  it.each(["120101", "120190"])("refuses staff %s who is not the administrator", async (personnelCode) => {
    const actor = await staffActor(db, personnelCode);
    const dead = await message({ status: "DEAD", kind: "REQUEST_UPDATE" });
    expect(codeOf(await listUndeliveredSms({ db, actor }).catch((e: unknown) => e))).toBe("FORBIDDEN");
    expect(codeOf(await retrySms({ db, actor, messageId: dead.id }).catch((e: unknown) => e))).toBe("FORBIDDEN");
    expect((await db.smsMessage.findUniqueOrThrow({ where: { id: dead.id } })).status).toBe("DEAD");
    expect(await db.auditEntry.count({ where: { action: "RETRY_SMS", detail: { startsWith: dead.id } } })).toBe(0);
  });
});
