import "server-only";
import type { PgBoss } from "pg-boss";
import { getLogger } from "@/lib/server/observability/logger";

/** Work done on a clock rather than on demand (docs/decisions/017, "Scheduled jobs"). */
export type ScheduledJob = {
  /** The pg-boss queue and schedule name: one schedule per name in the database, however many servers start. */
  name: string;
  /** On PostgreSQL: when it runs (pg-boss cron, in `SCHEDULE_TIME_ZONE`). */
  cron: string;
  /** A run still active after this is taken for a hung one; pg-boss gives it to another (a dead server's, sooner: the heartbeat). */
  expireInSeconds: number;
  /** On the embedded database (one process): the first run after start, then the interval. */
  firstRunMs: number;
  everyMs: number;
  run(): Promise<unknown>;
};

/**
 * The organisation's clock: the nightly sweep runs at night and the reminders in the morning, in
 * Iran. A fixed offset rather than "Asia/Tehran": pg-boss's clock (cron-parser on luxon) works out
 * an IANA zone's offset with Intl at each step of its search for a schedule's last time, which
 * held a server's event loop for 80-150 ms every 30 s on these machines; with a fixed offset,
 * 29-74 ms (docs/decisions/023). Iran has kept +03:30 all year since 2022; schedules.test.ts
 * fails if the time-zone database ever says otherwise.
 */
export const SCHEDULE_TIME_ZONE = "UTC+3:30";

/**
 * Long jobs (a schedule's run, the due dates' recompute) carry a heartbeat: the worker running
 * one touches it every half of this, and pg-boss's supervisor (every 30 s) fails a job not
 * touched for this long, so a server dying mid-run has its job failed within about a minute and
 * a half and retried after the job's retry delay (30 s for the recompute, 5 minutes for a
 * schedule's run), while the expiry stays long enough for the longest honest run. Without it a
 * crashed server's recompute waited out its 3-hour expiry (docs/decisions/032).
 */
export const JOB_HEARTBEAT_SECONDS = 60;

/**
 * On PostgreSQL: each job's queue (at most one run waiting and one running),
 * its schedule (an upsert by name: a second server's start changes nothing),
 * and a worker in this process. pg-boss's clock, in every process, puts one
 * job in the queue per cron time across all servers; one worker takes it.
 */
export async function scheduleWithPgBoss(boss: PgBoss, jobs: ScheduledJob[]): Promise<void> {
  for (const job of jobs) {
    await boss.createQueue(job.name, { policy: "stately" });
    await boss.schedule(job.name, job.cron, {}, {
      tz: SCHEDULE_TIME_ZONE,
      expireInSeconds: job.expireInSeconds,
      heartbeatSeconds: JOB_HEARTBEAT_SECONDS,
      retryLimit: 2,
      retryDelay: 5 * 60,
    });
    await boss.work(job.name, { batchSize: 1 }, async () => {
      await job.run();
    });
  }
}

/**
 * On the embedded database: timers in the one server process, each job's runs
 * one after another. A failed run is logged; the next one comes at its time.
 */
export function scheduleInProcess(jobs: ScheduledJob[]): { stop(): Promise<void> } {
  const log = getLogger();
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  const timers: NodeJS.Timeout[] = [];
  const enqueue = (job: ScheduledJob) => {
    if (stopped) return;
    running = running.then(() =>
      job.run().catch((error: unknown) =>
        log.error({ job: job.name, err: error instanceof Error ? { name: error.name, message: error.message } : String(error) }, "Scheduled job failed"),
      ),
    );
  };
  for (const job of jobs) {
    const first = setTimeout(() => {
      enqueue(job);
      const every = setInterval(() => enqueue(job), job.everyMs);
      every.unref();
      timers.push(every);
    }, job.firstRunMs);
    first.unref();
    timers.push(first);
  }
  return {
    async stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      await running;
    },
  };
}
