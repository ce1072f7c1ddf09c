import { PgBoss } from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";
import type { Db } from "@/lib/server/db/prisma";
import { recomputeOrQueue } from "@/lib/server/requests/follow-calendar-change";
import { createTestDatabase, testEngine, type TestDatabase } from "@/tests/support/test-database";
import { JOB_QUEUE_SCHEMA, startJobQueue } from "./job-queue";
import { JOB_HEARTBEAT_SECONDS } from "./schedules";

type JobRow = { state: string; why: string | null; heartbeat_seconds: number | null; expire_seconds: number };

// A server that dies while it runs a long job (the due dates' recompute takes minutes at the
// national scale): the job must go to another server soon, not when its 3-hour expiry runs out.
// PostgreSQL only: the embedded database runs no queue.
describe.runIf(testEngine() === "postgres")("a long job whose server died mid-run", () => {
  let database: TestDatabase;
  let db: Db;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.prisma();
  });
  afterAll(() => database?.close());

  const recomputeJob = async () =>
    (
      await db.$queryRawUnsafe<JobRow[]>(
        `SELECT state::text AS state, output #>> '{value,message}' AS why, heartbeat_seconds, expire_seconds FROM ${JOB_QUEUE_SCHEMA}.job WHERE name = 'due-date-recompute'`,
      )
    )[0];

  it("is retried once its heartbeat stops, long before its expiry", async () => {
    const config = parseConfig({ DATABASE_URL: database.url!, WEB_SERVER_JOBS: "queue-only" });
    // A web server queues the recompute, as after an administrator's holiday edit.
    const web = await startJobQueue({ config, db, jobs: "queue-only" });
    try {
      expect(await recomputeOrQueue({ db })).toMatch(/queued/);
    } finally {
      await web.stop();
    }
    expect(await recomputeJob()).toMatchObject({ state: "created", heartbeat_seconds: JOB_HEARTBEAT_SECONDS, expire_seconds: 3 * 60 * 60 });

    // A worker takes it and its process is killed: nothing completes, fails or touches the job again.
    const doomed = new PgBoss({ connectionString: database.url!, schema: JOB_QUEUE_SCHEMA, supervise: false, schedule: false, max: 1 });
    await doomed.start();
    try {
      const [taken] = await doomed.fetch("due-date-recompute");
      expect(taken).toBeDefined();
      expect(await recomputeJob()).toMatchObject({ state: "active" });

      // Two minutes on, a live server's supervisor looks at the queue (every 30 s in production).
      await db.$executeRawUnsafe(
        `UPDATE ${JOB_QUEUE_SCHEMA}.job SET started_on = started_on - interval '2 minutes', heartbeat_on = heartbeat_on - interval '2 minutes' WHERE name = 'due-date-recompute'`,
      );
      await doomed.supervise("due-date-recompute");
      // Failed for its silence (not for its expiry), and waiting for its retry on whichever server takes it.
      expect(await recomputeJob()).toMatchObject({ state: "retry", why: "job heartbeat timeout" });
    } finally {
      await doomed.stop({ graceful: false });
    }
  });
});
