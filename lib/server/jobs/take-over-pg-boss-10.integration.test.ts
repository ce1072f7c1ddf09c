import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";
import type { Db } from "@/lib/server/db/prisma";
import { createTestDatabase, testEngine, type TestDatabase } from "@/tests/support/test-database";
import { startStubServer, type StubServer } from "@/tests/support/stub-server";
import { activeJobQueue, startJobQueue, type RunningDelivery } from "./job-queue";
import { PG_BOSS_10_SCHEMA, takeOverPgBoss10 } from "./take-over-pg-boss-10";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// `npm run jobs:cutover` (docs/decisions/031): the messages whose pg-boss 10 jobs
// pg-boss 12 cannot read are queued again from the outboxes, each with the tries it
// has left, and the old schema goes. PostgreSQL only: the embedded database has no queue.
describe.runIf(testEngine() === "postgres")("taking over pg-boss 10's waiting messages", () => {
  let database: TestDatabase;
  let db: Db;
  let gateway: StubServer;
  /** Texts the gateway was asked to send, by idempotency key. */
  const asked = new Map<string, number>();
  /** Messages the gateway refuses every time. */
  const refused = new Set<string>();
  const running: RunningDelivery[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.prisma();
    gateway = await startStubServer((request) => {
      const key = String(request.headers["idempotency-key"]);
      asked.set(key, (asked.get(key) ?? 0) + 1);
      return refused.has(key) ? { status: 503, json: { error: "busy" } } : { status: 200, json: { messageId: `gw-${key.slice(0, 8)}` } };
    });
  });
  afterEach(async () => {
    for (const queue of running.splice(0).reverse()) await queue.stop();
  });
  afterAll(async () => {
    await gateway?.close();
    await database?.close();
  });

  const config = (jobs: "run" | "queue-only") =>
    parseConfig({
      DATABASE_URL: database.url!,
      WEB_SERVER_JOBS: jobs,
      SMS_PROVIDER: "http",
      SMS_HTTP_URL: `${gateway.url}/send`,
      SMS_MAX_ATTEMPTS: "3",
      SMS_RETRY_DELAY_SECONDS: "1",
    });

  it("queues every text and email still waiting, once, with the tries each has left, and drops the old schema", async () => {
    // What pg-boss 10 leaves: its schema at its last version (the take-over reads nothing in it).
    await db.$executeRawUnsafe(`CREATE SCHEMA ${PG_BOSS_10_SCHEMA}`);
    await db.$executeRawUnsafe(`CREATE TABLE ${PG_BOSS_10_SCHEMA}.version (version int PRIMARY KEY)`);
    await db.$executeRawUnsafe(`INSERT INTO ${PG_BOSS_10_SCHEMA}.version VALUES (24)`);
    const now = new Date();
    const sms = (status: "QUEUED" | "FAILED" | "SENT", kind: "REQUEST_RECEIVED" | "ONE_TIME_CODE" | null, attempts = 0) =>
      db.smsMessage.create({
        data: { to: "09120000001", body: `پیام ${status} ${kind}`, provider: "http", status, kind, attempts, nextAttemptAt: status === "SENT" ? null : now },
        select: { id: true },
      });
    const waiting = await sms("QUEUED", "REQUEST_RECEIVED");
    const unkinded = await sms("QUEUED", null);
    // Two of its three tries made: one left, which the gateway refuses.
    const lastTry = await sms("FAILED", "REQUEST_RECEIVED", 2);
    refused.add(lastTry.id);
    const sent = await sms("SENT", "REQUEST_RECEIVED", 1);
    const oldCode = await sms("QUEUED", "ONE_TIME_CODE");
    const email = await db.emailMessage.create({
      data: { to: "a@example.ir", subject: "موضوع", textBody: "متن", htmlBody: "<p>متن</p>", provider: "outbox", status: "QUEUED", kind: "REQUEST_RECEIVED", nextAttemptAt: now },
      select: { id: true },
    });

    running.push(await startJobQueue({ config: config("queue-only"), db, jobs: "queue-only" }));
    // Two messages a page, so that the three texts take two pages.
    const take = () => takeOverPgBoss10({ db, queue: activeJobQueue()!, maxSmsAttempts: 3, maxEmailAttempts: 3, pageSize: 2 });
    expect(await take()).toEqual({ found: true, sms: 3, email: 1 });
    expect(await db.$queryRawUnsafe(`SELECT nspname::text FROM pg_namespace WHERE nspname = '${PG_BOSS_10_SCHEMA}'`)).toEqual([]);
    // Run again (an operator's second try): nothing found, nothing queued twice.
    expect(await take()).toEqual({ found: false });

    running.push(await startJobQueue({ config: config("run"), db, jobs: "run" }));
    const status = async (id: string) => (await db.smsMessage.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const states = await Promise.all([waiting, unkinded, lastTry].map((m) => status(m.id)));
      const emailState = (await db.emailMessage.findUniqueOrThrow({ where: { id: email.id } })).status;
      if (states.join() === "SENT,SENT,DEAD" && emailState === "SENT") break;
      await sleep(200);
    }
    expect(await Promise.all([waiting, unkinded, lastTry, sent, oldCode].map((m) => status(m.id)))).toEqual(["SENT", "SENT", "DEAD", "SENT", "QUEUED"]);
    expect((await db.emailMessage.findUniqueOrThrow({ where: { id: email.id } })).status).toBe("SENT");
    // Each once; the failed one its last try only (one try asks a busy gateway twice:
    // lib/adapters/http-json.ts); the sent one and the old code never.
    await sleep(2500);
    expect(Object.fromEntries(asked)).toEqual({ [waiting.id]: 1, [unkinded.id]: 1, [lastTry.id]: 2 });
    expect(await db.smsMessage.findUniqueOrThrow({ where: { id: lastTry.id }, select: { attempts: true } })).toEqual({ attempts: 3 });
    // A calendar change's recompute may have been left behind too: one is queued.
    const recomputes = await db.$queryRawUnsafe<{ count: number }[]>(`SELECT count(*)::int AS count FROM job_queue.job WHERE name = 'due-date-recompute'`);
    expect(recomputes).toEqual([{ count: 1 }]);
  }, 60_000);
});
