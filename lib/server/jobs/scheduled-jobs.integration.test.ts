import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { LocalFileStorage } from "@/lib/adapters/storage/local-file-storage";
import { parseConfig } from "@/lib/config";
import type { Db } from "@/lib/server/db/prisma";
import { ORPHAN_GRACE_MS } from "@/lib/server/uploads/remove-orphan-files";
import { createTestDatabase, testEngine, type TestDatabase } from "@/tests/support/test-database";
import { startJobQueue, type RunningDelivery } from "./job-queue";
import { scheduledJobs } from "./portal-schedule";
import { JOB_HEARTBEAT_SECONDS, type ScheduledJob } from "./schedules";

const HOUR = 60 * 60_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(condition: () => Promise<boolean>, what: string, timeoutMs = 45_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(200);
  }
}

// The scheduled jobs as the servers start them (instrumentation-node.ts, scripts/worker.ts):
// pg-boss schedules on PostgreSQL, timers in the process on the embedded database.
describe(`scheduled jobs on ${testEngine()}`, () => {
  let database: TestDatabase;
  let db: Db;
  let storageRoot: string;
  let storage: LocalFileStorage;
  const running: RunningDelivery[] = [];
  /** Runs of each job, whichever "server" ran it. */
  const runs = new Map<string, number>();

  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.prisma();
    storageRoot = fs.mkdtempSync(path.join(os.tmpdir(), "portal-scheduled-"));
    storage = new LocalFileStorage({ root: storageRoot });
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((queue) => queue.stop()));
  });
  afterAll(async () => {
    await database?.close();
    fs.rmSync(storageRoot, { recursive: true, force: true });
  });

  const config = () => parseConfig(database.url ? { DATABASE_URL: database.url } : {});
  /** The portal's jobs, each run counted, with their times changed for the test. */
  const jobs = (change: Partial<Pick<ScheduledJob, "cron" | "firstRunMs" | "everyMs">>): ScheduledJob[] =>
    scheduledJobs({ settings: config(), db, storage }).map((job) => ({
      ...job,
      ...change,
      run: async () => {
        runs.set(job.name, (runs.get(job.name) ?? 0) + 1);
        return job.run();
      },
    }));

  /** An expired draft, a live one, and a stored file no record refers to, old enough to be an orphan. */
  async function plant() {
    const expired = await db.registrationDraft.create({ data: { tokenHash: crypto.randomBytes(32).toString("hex"), expiresAt: new Date(Date.now() - 48 * HOUR) } });
    const live = await db.registrationDraft.create({ data: { tokenHash: crypto.randomBytes(32).toString("hex"), expiresAt: new Date(Date.now() + HOUR) } });
    const orphan = await storage.put(Buffer.from(`left by a crash ${crypto.randomUUID()}`));
    const old = new Date(Date.now() - ORPHAN_GRACE_MS - 60_000);
    fs.utimesSync(path.join(storageRoot, orphan.key.slice(0, 2), orphan.key), old, old);
    return { expired: expired.id, live: live.id, orphan: orphan.key };
  }
  const draftExists = async (id: string) => (await db.registrationDraft.count({ where: { id } })) === 1;

  it.runIf(testEngine() === "pglite")("runs the retention, the storage sweep and both reminders in the server process on the embedded database", async () => {
    const planted = await plant();
    running.push(await startJobQueue({ config: config(), db, scheduled: jobs({ firstRunMs: 100, everyMs: HOUR }) }));

    await waitFor(async () => !(await draftExists(planted.expired)) && !(await storage.exists(planted.orphan)), "the scheduled jobs");
    expect(await draftExists(planted.live)).toBe(true);
    expect(Object.fromEntries(runs)).toEqual({ retention: 1, "storage-sweep": 1, "deadline-reminders": 1, "visit-reminders": 1, "mandate-summaries": 1 });
  });

  it.runIf(testEngine() === "postgres")(
    "registers each schedule once in the database however many servers start, and runs each once per cron time",
    async () => {
      // pg-boss creates its schema on the first start: done beforehand, so the servers below start at once.
      await (await startJobQueue({ config: config(), db })).stop();
      // A cron time in this minute (the schedules keep Iran's clock), with time left in it to finish.
      if (new Date().getSeconds() > 40) await sleep((61 - new Date().getSeconds()) * 1000);
      const minute = Number(new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Tehran", minute: "numeric" }).format(new Date()));
      const planted = await plant();

      // Two servers on one database, each checking the schedules every second.
      for (let server = 0; server < 2; server++) {
        running.push(await startJobQueue({ config: config(), db, scheduled: jobs({ cron: `${minute} * * * *` }), cronCheckSeconds: 1 }));
      }
      const schedules = await db.$queryRawUnsafe<{ name: string; cron: string }[]>(`SELECT name, cron FROM job_queue.schedule ORDER BY name`);
      expect(schedules).toEqual([
        { name: "deadline-reminders", cron: `${minute} * * * *` },
        { name: "mandate-summaries", cron: `${minute} * * * *` },
        { name: "retention", cron: `${minute} * * * *` },
        { name: "storage-sweep", cron: `${minute} * * * *` },
        { name: "visit-reminders", cron: `${minute} * * * *` },
      ]);

      await waitFor(async () => !(await draftExists(planted.expired)) && !(await storage.exists(planted.orphan)), "the scheduled jobs");
      expect(await draftExists(planted.live)).toBe(true);
      // Both servers go on checking the schedules within the same cron minute: no second run.
      await sleep(4000);
      expect(Object.fromEntries(runs)).toEqual({ retention: 1, "storage-sweep": 1, "deadline-reminders": 1, "visit-reminders": 1, "mandate-summaries": 1 });
      const jobRows = await db.$queryRawUnsafe<{ name: string; count: number }[]>(
        `SELECT name, count(*)::int AS count FROM job_queue.job WHERE name IN ('retention', 'storage-sweep', 'deadline-reminders', 'visit-reminders', 'mandate-summaries') GROUP BY name ORDER BY name`,
      );
      expect(jobRows).toEqual([
        { name: "deadline-reminders", count: 1 },
        { name: "mandate-summaries", count: 1 },
        { name: "retention", count: 1 },
        { name: "storage-sweep", count: 1 },
        { name: "visit-reminders", count: 1 },
      ]);
      // Each run carries a heartbeat: a server that dies mid-run has its job retried by another
      // within minutes (the storage sweep's expiry is 6 hours).
      const heartbeats = await db.$queryRawUnsafe<{ heartbeat_seconds: number | null }[]>(
        `SELECT DISTINCT heartbeat_seconds FROM job_queue.job WHERE name IN ('retention', 'storage-sweep', 'deadline-reminders', 'visit-reminders', 'mandate-summaries')`,
      );
      expect(heartbeats).toEqual([{ heartbeat_seconds: JOB_HEARTBEAT_SECONDS }]);
    },
    90_000,
  );
});
