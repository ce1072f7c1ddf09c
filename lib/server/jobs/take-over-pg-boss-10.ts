import "server-only";
import type { Db } from "@/lib/server/db/prisma";
import type { JobQueue } from "./job-queue";

/** The schema pg-boss 10 kept its jobs in (its default), before the move to pg-boss 12 (docs/decisions/031). */
export const PG_BOSS_10_SCHEMA = "pgboss";

export type TakeOverResult = { found: false } | { found: true; sms: number; email: number };

/**
 * Once every server and worker runs pg-boss 12 (`npm run jobs:cutover`, docs/deploy.md):
 * pg-boss 12 cannot read pg-boss 10's schema, so the jobs still waiting there (a notice
 * not yet sent, a try after a gateway's failure) would never run. The outboxes say which
 * messages those are, so each text message and email still queued or failed gets a job in
 * the new queue, with the tries it has left and at the time its next try was due; then the
 * old schema is dropped, in the same transaction: run twice, the second run finds nothing.
 * One-time codes are never sent late (an old code is worth nothing). A due-date recompute
 * is queued too, in case a calendar change's job was among those left behind.
 */
export async function takeOverPgBoss10({
  db,
  queue,
  maxSmsAttempts,
  maxEmailAttempts,
}: {
  db: Db;
  queue: JobQueue;
  maxSmsAttempts: number;
  maxEmailAttempts: number;
}): Promise<TakeOverResult> {
  const result = await db.$transaction(
    async (tx): Promise<TakeOverResult> => {
      // Two operators at once: the second waits here, then finds the schema gone.
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(hashtext('portal: take over pg-boss 10'))`);
      const [{ found }] = await tx.$queryRawUnsafe<[{ found: boolean }]>(
        `SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = $1) AS found`,
        PG_BOSS_10_SCHEMA,
      );
      if (!found) return { found: false };
      const waiting = { status: { in: ["QUEUED", "FAILED"] as ("QUEUED" | "FAILED")[] } };
      const sms = await tx.smsMessage.findMany({
        where: { ...waiting, OR: [{ kind: null }, { kind: { not: "ONE_TIME_CODE" } }] },
        orderBy: { createdAt: "asc" },
        select: { id: true, attempts: true, nextAttemptAt: true },
      });
      for (const message of sms) await queue.queueSmsDelivery(tx, message.id, { triesLeft: maxSmsAttempts - message.attempts, at: message.nextAttemptAt });
      const emails = await tx.emailMessage.findMany({ where: waiting, orderBy: { createdAt: "asc" }, select: { id: true, attempts: true, nextAttemptAt: true } });
      for (const message of emails) await queue.queueEmailDelivery(tx, message.id, { triesLeft: maxEmailAttempts - message.attempts, at: message.nextAttemptAt });
      await tx.$executeRawUnsafe(`DROP SCHEMA ${PG_BOSS_10_SCHEMA} CASCADE`);
      return { found: true, sms: sms.length, email: emails.length };
    },
    // A national outage can leave many messages waiting: one job each.
    { timeout: 10 * 60_000, maxWait: 60_000 },
  );
  if (result.found) await queue.queueDueDateRecompute();
  return result;
}
