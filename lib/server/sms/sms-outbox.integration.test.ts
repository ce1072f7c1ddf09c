import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { parseConfig, resetConfigForTests } from "@/lib/config";
import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/server/db/prisma";
import { startMessageDelivery, type RunningDelivery } from "@/lib/server/jobs/job-queue";
import { getMetrics } from "@/lib/server/observability/metrics";
import { countedOutcomes, countedSince } from "@/tests/support/counted-outcomes";
import { createTestDatabase, testEngine, type TestDatabase } from "@/tests/support/test-database";
import { startStubServer, type StubServer } from "@/tests/support/stub-server";
import { queueSms } from "./queue-sms";
import { sendSms } from "./send-sms";

// On PostgreSQL the messages go through pg-boss in the test database; on the embedded
// database through the server's delivery loop (docs/decisions/017).
describe(`SMS outbox delivery on ${testEngine()}`, () => {
  let database: TestDatabase;
  let db: Db;
  let gateway: StubServer;
  let gatewayUp = true;
  /** How long the gateway takes to answer, as a real one over the network does. */
  let gatewayDelayMs = 0;
  /** Texts the gateway accepted, by idempotency key: a real gateway sends each accepted text once. */
  const accepted = new Map<string, number>();
  /** Every key the gateway was asked about, in order (answered or not). */
  const asked: string[] = [];
  let delivery: RunningDelivery | undefined;
  const saved = { ...process.env };

  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.prisma();
    gateway = await startStubServer(async (request) => {
      if (gatewayDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, gatewayDelayMs));
      const key = String(request.headers["idempotency-key"]);
      asked.push(key);
      if (!gatewayUp) return { status: 503 };
      accepted.set(key, (accepted.get(key) ?? 0) + 1);
      return { status: 200, json: { messageId: `gw-${key.slice(0, 8)}` } };
    });
    // One-time codes (sendSms) use the process's configuration.
    Object.assign(process.env, { SMS_PROVIDER: "http", SMS_HTTP_URL: `${gateway.url}/send`, SMS_TIMEOUT_MS: "5000" });
    resetConfigForTests();
  });
  afterEach(async () => {
    await delivery?.stop();
    delivery = undefined;
    await db.smsMessage.deleteMany();
    accepted.clear();
    asked.length = 0;
    gatewayUp = true;
    gatewayDelayMs = 0;
  });
  afterAll(async () => {
    process.env = saved;
    resetConfigForTests();
    await gateway?.close();
    await database?.close();
  });

  const start = (maxAttempts: number) =>
    startMessageDelivery({
      config: parseConfig({
        ...(database.url ? { DATABASE_URL: database.url } : {}),
        SMS_PROVIDER: "http",
        SMS_HTTP_URL: `${gateway.url}/send`,
        SMS_TIMEOUT_MS: "5000",
        SMS_MAX_ATTEMPTS: String(maxAttempts),
        SMS_RETRY_DELAY_SECONDS: "1",
      }),
      db,
      pollMs: 200,
    });

  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  async function waitFor(condition: () => Promise<boolean>, what: string, timeoutMs = 45_000) {
    const deadline = Date.now() + timeoutMs;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
      await sleep(200);
    }
  }
  const statuses = async () => (await db.smsMessage.findMany({ orderBy: { to: "asc" }, select: { to: true, status: true } })).map((m) => `${m.to} ${m.status}`);

  it("delivers every message of a gateway outage exactly once after it ends, none before its event committed", async () => {
    delivery = await start(8);
    gatewayUp = false;
    // An event that fails: its message is never written, so never sent.
    await expect(
      db.$transaction(async (tx) => {
        await queueSms(tx, { to: "09129999999", kind: "REQUEST_RECEIVED", body: "پیام رویدادی که انجام نشد" });
        throw new Error("the event failed");
      }),
    ).rejects.toThrow("the event failed");

    // An event still in its transaction: its message must not reach the gateway.
    let commit!: () => void;
    const held = new Promise<void>((resolve) => (commit = resolve));
    let heldId = "";
    const heldTransaction = db.$transaction(
      async (tx) => {
        heldId = (await queueSms(tx, { to: "09120000000", kind: "REQUEST_RECEIVED", body: "پیام رویدادی که هنوز ثبت نشده" })).id;
        await held;
      },
      { timeout: 30_000 },
    );

    if (database.engine === "postgres") {
      // The embedded database has one connection: nothing else runs while a transaction is open.
      const committed = await Promise.all(
        [1, 2, 3, 4, 5].map((n) => db.$transaction((tx) => queueSms(tx, { to: `0912000000${n}`, kind: "REQUEST_RECEIVED", body: `اطلاعیه ${n}` }))),
      );
      await waitFor(async () => (await db.smsMessage.count({ where: { status: "FAILED" } })) === committed.length, "failed first tries");
      expect(asked).not.toContain(heldId);
    } else {
      await sleep(600);
      expect(asked).not.toContain(heldId);
    }
    commit();
    await heldTransaction;
    if (database.engine === "pglite") {
      await Promise.all([1, 2, 3, 4, 5].map((n) => db.$transaction((tx) => queueSms(tx, { to: `0912000000${n}`, kind: "REQUEST_RECEIVED", body: `اطلاعیه ${n}` }))));
      await waitFor(async () => (await db.smsMessage.count({ where: { status: "FAILED" } })) === 6, "failed first tries");
    }

    // The outage lasts through at least one retry of every message.
    await sleep(2500);
    expect(accepted.size).toBe(0);
    gatewayUp = true;
    await waitFor(async () => (await db.smsMessage.count({ where: { status: "SENT" } })) === 6, "every message sent");

    const rows = await db.smsMessage.findMany({ select: { id: true, status: true, attempts: true, providerMessageId: true, sentAt: true } });
    expect(rows).toHaveLength(6);
    expect(new Set(accepted.keys())).toEqual(new Set(rows.map((row) => row.id)));
    expect([...accepted.values()].every((count) => count === 1)).toBe(true);
    for (const row of rows) {
      expect(row.attempts).toBeGreaterThan(1);
      expect(row.providerMessageId).toBe(`gw-${row.id.slice(0, 8)}`);
      expect(row.sentAt).toBeInstanceOf(Date);
    }
    // Nothing is sent again later.
    await sleep(1500);
    expect([...accepted.values()].every((count) => count === 1)).toBe(true);
    expect(await db.smsMessage.count({ where: { to: "09129999999" } })).toBe(0);
  });

  it("sends a burst of notices side by side, at the gateway's pace rather than one a second per worker", async () => {
    gatewayDelayMs = 50;
    delivery = await start(8);
    const burst = 60;
    await db.$transaction(async (tx) => {
      for (let n = 0; n < burst; n++) await queueSms(tx, { to: `0913${String(n).padStart(7, "0")}`, kind: "REQUEST_RECEIVED", body: `اطلاعیه ${n}` });
    });
    const started = Date.now();
    await waitFor(async () => (await db.smsMessage.count({ where: { status: "SENT" } })) === burst, "the whole burst sent");
    if (database.engine === "postgres") {
      // pg-boss's three SMS workers, one message each a second, took 20 s for these (docs/decisions/017);
      // taking ten at a time and sending them side by side, about 2 s.
      expect(Date.now() - started).toBeLessThan(10_000);
    }
    expect(accepted.size).toBe(burst);
    expect([...accepted.values()].every((count) => count === 1)).toBe(true);
  });

  it("marks a message dead after its last try, with the gateway's answer", async () => {
    const countedBefore = await countedOutcomes(getMetrics().smsMessages);
    delivery = await start(2);
    gatewayUp = false;
    const { id } = await db.$transaction((tx) => queueSms(tx, { to: "09121234567", kind: "REQUEST_RECEIVED", body: "درخواست شما رسید" }));

    await waitFor(async () => (await db.smsMessage.findUniqueOrThrow({ where: { id } })).status === "DEAD", "a dead message");
    expect(await db.smsMessage.findUniqueOrThrow({ where: { id }, select: { attempts: true, error: true, nextAttemptAt: true } })).toEqual({
      attempts: 2,
      error: expect.stringMatching(/server error HTTP 503/),
      nextAttemptAt: null,
    });
    // Both tries counted in portal_sms_messages_total, the last as dead.
    expect(await countedSince(getMetrics().smsMessages, countedBefore, ["sent", "failed", "dead"])).toEqual({ sent: 0, failed: 1, dead: 1 });
    // Two tries of two HTTP attempts each, all with the message's key; none after the last.
    await sleep(2500);
    expect(asked).toEqual([id, id, id, id]);
    expect(await statuses()).toEqual(["09121234567 DEAD"]);
  });

  it("tries a one-time code at once and says so when the gateway cannot take it", async () => {
    delivery = await start(8);
    gatewayUp = false;
    const error = await sendSms({ db, to: "09121234567", body: "کد تأیید: ۱۲۳۴۵۶" }).catch((caught: unknown) => caught);
    expect(error instanceof AppError && error.code).toBe("SMS_UNAVAILABLE");
    expect(await statuses()).toEqual(["09121234567 DEAD"]);
    // An old code is no use: it is not retried when the gateway comes back.
    gatewayUp = true;
    await sleep(2500);
    expect(accepted.size).toBe(0);

    const { id } = await sendSms({ db, to: "09121234568", body: "کد تأیید: ۶۵۴۳۲۱" });
    expect(accepted.get(id)).toBe(1);
    expect(await statuses()).toEqual(["09121234567 DEAD", "09121234568 SENT"]);
  });
});
