import "server-only";
import type { AppConfig } from "@/lib/config";
import type { Db } from "@/lib/server/db/prisma";
import { activeJobQueue, startJobQueue } from "@/lib/server/jobs/job-queue";
import { describeRecompute, recomputeDueDates } from "./recompute-due-dates";

/**
 * After migrations that changed the holidays or the weekly closing days (a release shipping
 * the next year's official calendar, docs/decisions/032): the open requests' due dates follow,
 * as after an administrator's edit. Where a job queue runs (PostgreSQL) the recompute is a job
 * for its workers; a command-line run starts a queue that only writes (as the web servers of a
 * cluster do) to queue it. On the embedded database it runs here. What was done, in a line.
 */
export async function followMigratedCalendar({ config, db }: { config: AppConfig; db: Db }): Promise<string> {
  const started = !activeJobQueue() && config.database.engine === "postgres" ? await startJobQueue({ config, db, jobs: "queue-only" }) : undefined;
  try {
    const queue = activeJobQueue();
    if (!queue) return describeRecompute(await recomputeDueDates({ db }));
    await queue.queueDueDateRecompute();
    return "Due dates: a recompute of the open requests on the new calendar is queued for the job queue's workers.";
  } finally {
    await started?.stop();
  }
}
