import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";
import type { Db } from "@/lib/server/db/prisma";
import { queueSms } from "@/lib/server/sms/queue-sms";
import { createTestDatabase, testEngine, type TestDatabase } from "@/tests/support/test-database";
import { startStubServer, type StubServer } from "@/tests/support/stub-server";
import { startJobQueue, type RunningDelivery } from "./job-queue";
import type { ScheduledJob } from "./schedules";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// WEB_SERVER_JOBS=queue-only (docs/decisions/027): a cluster's web servers write
// jobs in their transactions and leave all of the work to `npm run worker`.
describe(`web servers that only queue jobs, on ${testEngine()}`, () => {
  let database: TestDatabase;
  let db: Db;
  let gateway: StubServer;
  /** Texts the gateway accepted, by idempotency key. */
  const accepted = new Map<string, number>();
  const running: RunningDelivery[] = [];
  let clockRuns = 0;
  const clock: ScheduledJob[] = [
    { name: "retention", cron: "* * * * *", expireInSeconds: 60, firstRunMs: 50, everyMs: 60_000, run: async () => clockRuns++ },
  ];

  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.prisma();
    gateway = await startStubServer((request) => {
      const key = String(request.headers["idempotency-key"]);
      accepted.set(key, (accepted.get(key) ?? 0) + 1);
      return { status: 200, json: { messageId: `gw-${key.slice(0, 8)}` } };
    });
  });
  afterEach(async () => {
    // The worker first: the web server's queue is the one `queueSms` writes through.
    for (const queue of running.splice(0).reverse()) await queue.stop();
  });
  afterAll(async () => {
    await gateway?.close();
    await database?.close();
  });

  const config = (jobs: "run" | "queue-only") =>
    parseConfig({
      ...(database.url ? { DATABASE_URL: database.url } : {}),
      WEB_SERVER_JOBS: jobs,
      SMS_PROVIDER: "http",
      SMS_HTTP_URL: `${gateway.url}/send`,
      SMS_RETRY_DELAY_SECONDS: "1",
    });

  it.runIf(testEngine() === "pglite")("is refused on the embedded database, where no worker could share it", async () => {
    expect(() => config("queue-only")).toThrow(/^Invalid configuration: DATABASE_URL is required when WEB_SERVER_JOBS=queue-only/);
    await expect(startJobQueue({ config: config("run"), db, jobs: "queue-only" })).rejects.toThrow(/queue-only needs PostgreSQL/);
  });

  it.runIf(testEngine() === "postgres")(
    "a queue-only server writes each notice's job and runs nothing; a worker started later delivers every one once",
    async () => {
      running.push(await startJobQueue({ config: config("queue-only"), db, scheduled: clock, cronCheckSeconds: 1, jobs: "queue-only" }));
      const messages = await Promise.all(
        [1, 2, 3].map((n) => db.$transaction((tx) => queueSms(tx, { to: `0912000000${n}`, kind: "REQUEST_RECEIVED", body: `اطلاعیه ${n}` }))),
      );
      // Long enough for a worker's polling (every second) and clock (every second here) to have acted.
      await sleep(3000);
      expect(accepted.size).toBe(0);
      expect(clockRuns).toBe(0);
      expect(await db.smsMessage.count({ where: { status: "QUEUED" } })).toBe(3);
      const jobs = await db.$queryRawUnsafe<{ state: string; count: number }[]>(
        `SELECT state::text, count(*)::int AS count FROM job_queue.job WHERE name = 'sms-delivery' GROUP BY state`,
      );
      expect(jobs).toEqual([{ state: "created", count: 3 }]);
      expect(await db.$queryRawUnsafe(`SELECT name FROM job_queue.schedule`)).toEqual([]);

      running.push(await startJobQueue({ config: config("run"), db, jobs: "run" }));
      const deadline = Date.now() + 30_000;
      while ((await db.smsMessage.count({ where: { status: "SENT" } })) < 3 && Date.now() < deadline) await sleep(200);
      expect(await db.smsMessage.count({ where: { status: "SENT" } })).toBe(3);
      expect(new Set(accepted.keys())).toEqual(new Set(messages.map((message) => message.id)));
      expect([...accepted.values()]).toEqual([1, 1, 1]);
    },
    60_000,
  );
});
