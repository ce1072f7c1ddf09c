import "server-only";
import { PgBoss, type Db as PgBossDb, type JobWithMetadata, type SendOptions } from "pg-boss";
import { createEmailSender } from "@/lib/adapters/email/get-email-sender";
import { createSmsSender } from "@/lib/adapters/sms/get-sms-sender";
import type { AppConfig } from "@/lib/config";
import type { Db, Tx } from "@/lib/server/db/prisma";
import { deliverEmail } from "@/lib/server/email/deliver-email";
import { getLogger } from "@/lib/server/observability/logger";
import { dueMessages, type DeliveryOutcome } from "@/lib/server/outbox/try-delivery";
import { recomputeDueDates } from "@/lib/server/requests/recompute-due-dates";
import { deliverSms } from "@/lib/server/sms/deliver-sms";
import { JOB_HEARTBEAT_SECONDS, scheduleInProcess, scheduleWithPgBoss, type ScheduledJob } from "./schedules";

/**
 * pg-boss's schema. Not pg-boss's default `pgboss`, where pg-boss 10 kept its jobs: pg-boss 12
 * cannot take over that schema, so both can run side by side while a cluster moves from one to
 * the other, and `npm run jobs:cutover` then takes over what is left (docs/decisions/031).
 */
export const JOB_QUEUE_SCHEMA = "job_queue";

const SMS_DELIVERY_QUEUE = "sms-delivery";
const EMAIL_DELIVERY_QUEUE = "email-delivery";
const DUE_DATE_QUEUE = "due-date-recompute";

/** What use cases see of the running queue: a delivery job written in their transaction, a recompute after a calendar change. */
export type JobQueue = {
  queueSmsDelivery(tx: Tx, messageId: string): Promise<void>;
  queueEmailDelivery(tx: Tx, messageId: string): Promise<void>;
  /** Jobs again for messages whose jobs were lost, in the caller's transaction, a thousand to a statement (take-over-pg-boss-10.ts). */
  resumeDeliveries(tx: Tx, channel: "sms" | "email", messages: ResumedDelivery[]): Promise<void>;
  /** In `tx` when given, so that the job commits with the caller's other writes. */
  queueDueDateRecompute(tx?: Tx): Promise<void>;
};

/** A message some of whose tries were made before its job was lost: the tries it has left, and when the next is due. */
export type ResumedDelivery = { messageId: string; triesLeft: number; at: Date | null };

export type RunningDelivery = { stop(): Promise<void> };

const globalForJobs = globalThis as { __jobQueue?: JobQueue };

/** The queue of this process, or null when messages are delivered by the embedded database's loop. */
export function activeJobQueue(): JobQueue | null {
  return globalForJobs.__jobQueue ?? null;
}

type DeliveryJob = { messageId: string };

/** One outbox as the delivery sees it (lib/server/outbox/try-delivery.ts). */
type Outbox = {
  what: "SMS" | "Email";
  /** Its messages whose next try is due, oldest first: what the embedded database's loop delivers. */
  due(): Promise<{ id: string; attempts: number }[]>;
  maxAttempts: number;
  deliver(messageId: string, finalAttempt: boolean): Promise<{ outcome: DeliveryOutcome; error?: string }>;
};

/** Messages of one outbox the embedded database's loop tries in one pass. */
const DUE_PASS_LIMIT = 50;

/**
 * Messages a delivery worker takes at once and sends side by side. pg-boss's worker
 * waits out its polling interval after every batch it takes, however quick, so a
 * batch of one held each worker to one message a second: three SMS workers sent at
 * most three a second, whatever the gateway could take (docs/decisions/017).
 */
const DELIVERY_BATCH_SIZE = 10;

/**
 * Starts the jobs of this process (docs/decisions/017): delivering the SMS
 * and email outboxes, and the `scheduled` jobs (lib/server/jobs/portal-schedule.ts). On
 * PostgreSQL: pg-boss in the same database (its own schema, JOB_QUEUE_SCHEMA), one job
 * per message with pg-boss's retries and exponential backoff, and one
 * schedule per scheduled job; every server and `npm run worker` take jobs,
 * each job runs in one place. On the embedded database (one process): a loop
 * over the due messages every `pollMs`, and a timer per scheduled job.
 * `cronCheckSeconds` is how often pg-boss looks at the schedules (30 s).
 * `jobs: "queue-only"` (PostgreSQL only; WEB_SERVER_JOBS, docs/decisions/027):
 * this process writes jobs and takes none, keeps no schedule and does no
 * maintenance, so it neither polls the database nor runs pg-boss's clock;
 * `npm run worker` processes do all of that.
 */
export async function startJobQueue({
  config,
  db,
  scheduled = [],
  pollMs = 1000,
  cronCheckSeconds = 30,
  jobs = "run",
}: {
  config: Pick<
    AppConfig,
    | "database"
    | "SMS_PROVIDER"
    | "SMS_HTTP_URL"
    | "SMS_HTTP_API_KEY"
    | "SMS_SENDER"
    | "SMS_TIMEOUT_MS"
    | "SMS_MAX_ATTEMPTS"
    | "SMS_RETRY_DELAY_SECONDS"
    | "EMAIL_PROVIDER"
    | "SMTP_URL"
    | "EMAIL_FROM"
    | "EMAIL_TIMEOUT_MS"
    | "EMAIL_MAX_ATTEMPTS"
    | "EMAIL_RETRY_DELAY_SECONDS"
  >;
  db: Db;
  scheduled?: ScheduledJob[];
  pollMs?: number;
  cronCheckSeconds?: number;
  jobs?: "run" | "queue-only";
}): Promise<RunningDelivery> {
  const sender = createSmsSender(config as AppConfig);
  const retryDelaySeconds = config.SMS_RETRY_DELAY_SECONDS;
  const emailSender = createEmailSender(config);
  const emailRetryDelaySeconds = config.EMAIL_RETRY_DELAY_SECONDS;
  const log = getLogger();
  // Each outbox's due rows (the embedded database's loop) and one try of one of its messages.
  const smsOutbox: Outbox = {
    what: "SMS",
    due: () => db.smsMessage.findMany(dueMessages(new Date(), DUE_PASS_LIMIT)),
    maxAttempts: config.SMS_MAX_ATTEMPTS,
    deliver: (messageId, finalAttempt) => deliverSms({ db, sender, messageId, finalAttempt, retryDelaySeconds }),
  };
  const emailOutbox: Outbox = {
    what: "Email",
    due: () => db.emailMessage.findMany(dueMessages(new Date(), DUE_PASS_LIMIT)),
    maxAttempts: config.EMAIL_MAX_ATTEMPTS,
    deliver: (messageId, finalAttempt) => deliverEmail({ db, sender: emailSender, messageId, finalAttempt, retryDelaySeconds: emailRetryDelaySeconds }),
  };
  if (config.database.engine === "pglite") {
    // The configuration refuses WEB_SERVER_JOBS=queue-only without PostgreSQL; a caller cannot get here with it.
    if (jobs === "queue-only") throw new Error("queue-only needs PostgreSQL: nothing else would deliver the embedded database's messages");
    let stopped = false;
    let running: Promise<unknown> = Promise.resolve();
    // Only the one server process opens an embedded database, so nothing else tries the same message meanwhile.
    const pass = async () => {
      // Text messages first, then emails, as they are written.
      for (const outbox of [smsOutbox, emailOutbox]) {
        try {
          for (const message of await outbox.due()) await outbox.deliver(message.id, message.attempts + 1 >= outbox.maxAttempts);
        } catch (error) {
          log.error({ err: error instanceof Error ? { name: error.name, message: error.message } : String(error) }, `${outbox.what} delivery pass failed`);
        }
      }
    };
    const timer = setInterval(() => {
      if (!stopped) running = running.then(pass);
    }, pollMs);
    timer.unref();
    const schedules = scheduleInProcess(scheduled);
    return {
      async stop() {
        stopped = true;
        clearInterval(timer);
        await Promise.all([running, schedules.stop()]);
        emailSender.close?.();
      },
    };
  }

  const boss = new PgBoss({
    connectionString: config.database.url,
    schema: JOB_QUEUE_SCHEMA,
    max: 3,
    application_name: "portal-jobs",
    // The monitor (one server of the cluster at a time) retries the jobs of a server that died
    // once they expire: every 30 s rather than pg-boss's minute, so such a message is late by
    // at most its expiry plus half a minute.
    superviseIntervalSeconds: 30,
    monitorIntervalSeconds: 30,
    cronMonitorIntervalSeconds: cronCheckSeconds,
    cronWorkerIntervalSeconds: Math.min(5, cronCheckSeconds),
    // A process that only queues: no maintenance, no clock (the workers keep both).
    ...(jobs === "queue-only" ? { supervise: false, schedule: false, max: 2 } : {}),
  });
  boss.on("error", (error) => log.error({ err: { name: error.name, message: error.message } }, "Job queue error"));
  // A slow query, a backlog, a clock out of step with the database's...: for the operators' logs.
  boss.on("warning", (warning) => log.warn({ warning: warning.data }, `Job queue warning: ${warning.message}`));
  await boss.start();
  // Every process creates the queues (idempotent): a job can be written before any worker started.
  for (const queue of [SMS_DELIVERY_QUEUE, EMAIL_DELIVERY_QUEUE, DUE_DATE_QUEUE]) await boss.createQueue(queue);
  // Given with each job rather than kept on the queue, so that a changed setting applies to the next message.
  const jobOptions: SendOptions = {
    // pg-boss counts retries after the first try.
    retryLimit: config.SMS_MAX_ATTEMPTS - 1,
    retryDelay: retryDelaySeconds,
    retryBackoff: true,
    // A try is one HTTP call of SMS_TIMEOUT_MS (twice); a job still active after this was on a server that died.
    expireInSeconds: Math.max(60, Math.ceil((config.SMS_TIMEOUT_MS * 3) / 1000)),
  };
  /**
   * A batch's messages sent side by side, each job failed or completed on its own: failing
   * a job is what makes pg-boss try it again after its backoff, and the jobs still active
   * when the handler returns are the ones pg-boss completes.
   */
  const deliverBatch =
    (queue: string, { what, deliver }: Outbox) =>
    async (batch: JobWithMetadata<DeliveryJob>[]) => {
      const failures = await Promise.all(
        batch.map(async (job) => {
          try {
            // pg-boss counts retries after the first try: the last try is the one with none left.
            const { outcome, error } = await deliver(job.data.messageId, job.retryCount >= job.retryLimit);
            return outcome === "failed" ? { id: job.id, message: `${what} not delivered: ${error}` } : null;
          } catch (error) {
            return { id: job.id, message: error instanceof Error ? error.message : String(error) };
          }
        }),
      );
      for (const failure of failures) if (failure) await boss.fail(queue, failure.id, { message: failure.message });
    };
  const handle = deliverBatch(SMS_DELIVERY_QUEUE, smsOutbox);
  // Email (docs/decisions/018): the same delivery with its own tries and backoff.
  const emailJobOptions: SendOptions = {
    retryLimit: config.EMAIL_MAX_ATTEMPTS - 1,
    retryDelay: emailRetryDelaySeconds,
    retryBackoff: true,
    // nodemailer's connection, greeting and socket timeouts each EMAIL_TIMEOUT_MS.
    expireInSeconds: Math.max(60, Math.ceil((config.EMAIL_TIMEOUT_MS * 4) / 1000)),
  };
  const handleEmail = deliverBatch(EMAIL_DELIVERY_QUEUE, emailOutbox);
  if (jobs === "run") {
    // Several workers: a slow gateway answer holds one batch, not the whole outbox.
    for (let i = 0; i < 3; i++) {
      await boss.work(SMS_DELIVERY_QUEUE, { batchSize: DELIVERY_BATCH_SIZE, includeMetadata: true, pollingIntervalSeconds: 1 }, handle);
    }
    for (let i = 0; i < 2; i++) {
      await boss.work(EMAIL_DELIVERY_QUEUE, { batchSize: DELIVERY_BATCH_SIZE, includeMetadata: true, pollingIntervalSeconds: 1 }, handleEmail);
    }
    // Due dates after a calendar change: idempotent, so a second job (two edits in a row) finds nothing left to move.
    await boss.work(DUE_DATE_QUEUE, { batchSize: 1, pollingIntervalSeconds: 2 }, async () => {
      await recomputeDueDates({ db });
    });
    await scheduleWithPgBoss(boss, scheduled);
  }
  globalForJobs.__jobQueue = {
    async queueSmsDelivery(tx, messageId) {
      // pg-boss writes its job through the caller's transaction.
      await boss.send(SMS_DELIVERY_QUEUE, { messageId } satisfies DeliveryJob, { ...jobOptions, db: transactionExecutor(tx) });
    },
    async queueEmailDelivery(tx, messageId) {
      await boss.send(EMAIL_DELIVERY_QUEUE, { messageId } satisfies DeliveryJob, { ...emailJobOptions, db: transactionExecutor(tx) });
    },
    async resumeDeliveries(tx, channel, messages) {
      const [queue, { retryDelay, retryBackoff, expireInSeconds }] = channel === "sms" ? [SMS_DELIVERY_QUEUE, jobOptions] : [EMAIL_DELIVERY_QUEUE, emailJobOptions];
      for (let start = 0; start < messages.length; start += 1000) {
        const jobs = messages.slice(start, start + 1000).map(({ messageId, triesLeft, at }) => ({
          data: { messageId } satisfies DeliveryJob,
          // The tries it has left, and not before the next was due.
          retryLimit: Math.max(0, triesLeft - 1),
          retryDelay,
          retryBackoff,
          expireInSeconds,
          ...(at ? { startAfter: at } : {}),
        }));
        await boss.insert(queue, jobs, { db: transactionExecutor(tx) });
      }
    },
    async queueDueDateRecompute(tx) {
      // A recompute reads every open request, one at a time: of 200,000, all moved in 15.4 minutes, none in 5.1
      // (docs/decisions/032). A job still active at its expiry is taken for a dead worker's and started again
      // beside the live one, so the expiry must outlast the longest run: 15 minutes did not. A worker that
      // dies mid-run stops its heartbeat, and the job is retried within a minute or two, not 3 hours.
      await boss.send(
        DUE_DATE_QUEUE,
        {},
        {
          retryLimit: 5,
          retryDelay: 30,
          retryBackoff: true,
          expireInSeconds: 3 * 60 * 60,
          heartbeatSeconds: JOB_HEARTBEAT_SECONDS,
          ...(tx ? { db: transactionExecutor(tx) } : {}),
        },
      );
    },
  };
  return {
    async stop() {
      delete globalForJobs.__jobQueue;
      await boss.stop({ graceful: true, timeout: 10_000 });
      // After the workers: a message being sent keeps its connection to the end.
      emailSender.close?.();
    },
  };
}

/** Delivery of the outbox only, without scheduled jobs (the outbox's own tests). */
export const startMessageDelivery = (options: Omit<Parameters<typeof startJobQueue>[0], "scheduled" | "cronCheckSeconds">) => startJobQueue(options);

/** pg-boss's `db` option over a Prisma transaction (objects go as JSON text, as node-postgres would send them). */
function transactionExecutor(tx: Tx): PgBossDb {
  return {
    async executeSql(text: string, values: unknown[] = []) {
      const parameters = values.map((value) => (value !== null && typeof value === "object" && !(value instanceof Date) ? JSON.stringify(value) : value));
      return { rows: await tx.$queryRawUnsafe<unknown[]>(text, ...parameters) };
    },
  };
}
