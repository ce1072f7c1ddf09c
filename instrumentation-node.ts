import { getConfig } from "@/lib/config";
import { isClientAddressResolved } from "@/lib/http/trust-proxy.mjs";
import { PREPARE_DATABASE_FAILURES, prepareDatabase } from "@/lib/server/db/prepare-database";
import { getDb } from "@/lib/server/db/prisma";
import { activeJobQueue, startJobQueue, type RunningDelivery } from "@/lib/server/jobs/job-queue";
import { describeTakeOver, takeOverPgBoss10 } from "@/lib/server/jobs/take-over-pg-boss-10";
import { scheduledJobs } from "@/lib/server/jobs/portal-schedule";
import { getFileStorage } from "@/lib/adapters/storage/get-file-storage";
import { getLogger } from "@/lib/server/observability/logger";
import { getMetrics } from "@/lib/server/observability/metrics";
import { installServerHooks } from "@/lib/server/observability/server-hooks";
import { followMigratedCalendar } from "@/lib/server/requests/follow-migrated-calendar";
import { countOpenRequestsByBranch } from "@/lib/server/review/count-open-requests-by-branch";
import { releaseAbortReasonStacks } from "@/lib/server/runtime/release-abort-reason-stacks";
import { cleanUpStorage, describeCleanUp } from "@/lib/server/uploads/clean-up-storage";

/**
 * Before the first request: validate the configuration (in production, refuse
 * every unsafe default, one line each), set up the logger and metrics for the
 * HTTP server (server/portal-server.mjs), and apply pending migrations only
 * when MIGRATE_ON_START=true (the demo's default; in production migrations are
 * a release step, `npm run db:migrate`), then start delivering the SMS outbox
 * and the scheduled jobs (retention, the storage sweep): pg-boss on PostgreSQL,
 * a loop and timers on the embedded database (docs/decisions/017), or, with
 * WEB_SERVER_JOBS=queue-only, only the writing of jobs (decision 027). A known
 * failure prints its lines and stops the server.
 */
export async function startServer() {
  // Before any render: otherwise each finished render keeps the next ones in memory (docs/decisions/022).
  releaseAbortReasonStacks();
  if (process.env.NODE_ENV === "production" && !isClientAddressResolved()) {
    // `next start` would let a client choose the address every per-network limit counts.
    process.stderr.write("The portal must be served by its own server (npm start, npm run serve, or node .next/standalone/portal-server.mjs), not `next start`: see docs/decisions/014.\n");
    process.exit(1);
  }
  let startedUp = () => {};
  let delivery: RunningDelivery | undefined;
  try {
    const config = getConfig();
    installServerHooks({
      started: new Promise<void>((resolve) => (startedUp = resolve)),
      async beforeExit() {
        // A message being handed to the gateway finishes first; pg-boss retries one that cannot.
        await delivery?.stop();
        const client = (globalThis as { __prisma?: Promise<{ $disconnect(): Promise<void> }> }).__prisma;
        if (client) await (await client).$disconnect();
      },
      async cutOverJobs() {
        const queue = activeJobQueue();
        if (!queue) throw new Error("the job queue has not started");
        const result = await takeOverPgBoss10({ db: await getDb(), queue, maxSmsAttempts: config.SMS_MAX_ATTEMPTS, maxEmailAttempts: config.EMAIL_MAX_ATTEMPTS });
        return describeTakeOver(result);
      },
      async cleanUpStorage() {
        return describeCleanUp(await cleanUpStorage({ db: await getDb(), storage: getFileStorage() }));
      },
    });
    getMetrics().setBranchCounts(async () => countOpenRequestsByBranch({ db: await getDb() }));
    const migrated = config.MIGRATE_ON_START === "true" ? await prepareDatabase((line) => getLogger().info(line)) : undefined;
    const db = await getDb();
    delivery = await startJobQueue({
      config,
      db,
      scheduled: scheduledJobs({ settings: config, db, storage: getFileStorage() }),
      // queue-only: the workers (`npm run worker`) deliver and keep the schedules (docs/decisions/027).
      jobs: config.WEB_SERVER_JOBS,
    });
    // A release that shipped another calendar (docs/decisions/032). The migrations stand either way:
    // a failure here is logged, and the next calendar edit or `npm run db:recompute-due-dates` catches up.
    if (migrated?.calendarChanged) {
      await followMigratedCalendar({ config, db }).then(
        (line) => getLogger().info(line),
        (error: unknown) => getLogger().error({ err: error instanceof Error ? { name: error.name, message: error.message } : String(error) }, "Due dates not recomputed after the migrations changed the calendar"),
      );
    }
    startedUp();
  } catch (error) {
    if (error instanceof Error && PREPARE_DATABASE_FAILURES.some((failure) => error instanceof failure)) {
      // Plain lines on stderr (not JSON): an operator reads them at the console.
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
