import "server-only";
import type { Db } from "@/lib/server/db/prisma";
import type { JobQueue } from "./job-queue";

/** The schema pg-boss 10 kept its jobs in (its default), before the move to pg-boss 12 (docs/decisions/031). */
export const PG_BOSS_10_SCHEMA = "pgboss";

export type TakeOverResult = { found: false } | { found: true; sms: number; email: number };

/** What `npm run jobs:cutover` and `node portal-server.mjs jobs-cutover` print. */
export function describeTakeOver(result: TakeOverResult): string {
  return result.found
    ? `pg-boss 10's jobs taken over: ${result.sms} text message(s) and ${result.email} email(s) queued again; schema ${PG_BOSS_10_SCHEMA} dropped; due dates queued for a recompute.`
    : `Nothing to take over: there is no pg-boss 10 schema (${PG_BOSS_10_SCHEMA}) in this database.`;
}

/**
 * Once every server and worker runs pg-boss 12 (`npm run jobs:cutover`, docs/deploy.md):
 * pg-boss 12 cannot read pg-boss 10's schema, so the jobs still waiting there (a notice
 * not yet sent, a try after a gateway's failure) would never run. The outboxes say which
 * messages those are, so each text message and email still queued or failed gets a job in
 * the new queue (a page at a time), with the tries it has left and not before its next try
 * was due; then the old schema is dropped, in the same transaction: run twice, the second
 * run finds nothing.
 * One-time codes are never sent late (an old code is worth nothing). A due-date recompute
 * is queued too, in case a calendar change's job was among those left behind.
 */
export async function takeOverPgBoss10({
  db,
  queue,
  maxSmsAttempts,
  maxEmailAttempts,
  pageSize = 5000,
}: {
  db: Db;
  queue: JobQueue;
  maxSmsAttempts: number;
  maxEmailAttempts: number;
  /** Messages read, and queued again, at a time. */
  pageSize?: number;
}): Promise<TakeOverResult> {
  return db.$transaction(
    async (tx): Promise<TakeOverResult> => {
      // Two operators at once: the second waits here, then finds the schema gone.
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(hashtext('portal: take over pg-boss 10'))`);
      const [{ found }] = await tx.$queryRawUnsafe<[{ found: boolean }]>(
        `SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1) AS found`,
        PG_BOSS_10_SCHEMA,
      );
      if (!found) return { found: false };
      const waiting = { status: { in: ["QUEUED", "FAILED"] as ("QUEUED" | "FAILED")[] } };
      const select = { id: true, attempts: true, nextAttemptAt: true } as const;
      const sms = await inPages(
        pageSize,
        (after) =>
          tx.smsMessage.findMany({
            where: { ...waiting, OR: [{ kind: null }, { kind: { not: "ONE_TIME_CODE" } }], ...(after ? { id: { gt: after } } : {}) },
            orderBy: { id: "asc" },
            take: pageSize,
            select,
          }),
        (page) => queue.resumeDeliveries(tx, "sms", page.map((m) => ({ messageId: m.id, triesLeft: maxSmsAttempts - m.attempts, at: m.nextAttemptAt }))),
      );
      const email = await inPages(
        pageSize,
        (after) => tx.emailMessage.findMany({ where: { ...waiting, ...(after ? { id: { gt: after } } : {}) }, orderBy: { id: "asc" }, take: pageSize, select }),
        (page) => queue.resumeDeliveries(tx, "email", page.map((m) => ({ messageId: m.id, triesLeft: maxEmailAttempts - m.attempts, at: m.nextAttemptAt }))),
      );
      // A calendar change's recompute may have been among the jobs left behind.
      await queue.queueDueDateRecompute(tx);
      await tx.$executeRawUnsafe(`DROP SCHEMA ${PG_BOSS_10_SCHEMA} CASCADE`);
      return { found: true, sms, email };
    },
    // After a national outage many messages may be waiting: a page of 5,000 read at a time, a thousand jobs to a statement.
    { timeout: 10 * 60_000, maxWait: 60_000 },
  );
}

/** Reads a table a page at a time by id (after a long outage there may be many rows) and hands each page on; the rows read. */
async function inPages<T extends { id: string }>(
  pageSize: number,
  read: (after: string | undefined) => Promise<T[]>,
  handle: (page: T[]) => Promise<void>,
): Promise<number> {
  let count = 0;
  for (let after: string | undefined; ; ) {
    const page = await read(after);
    if (page.length > 0) await handle(page);
    count += page.length;
    if (page.length < pageSize) return count;
    after = page.at(-1)!.id;
  }
}
