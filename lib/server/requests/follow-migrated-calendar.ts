import "server-only";
import type { AppConfig } from "@/lib/config";
import type { Db } from "@/lib/server/db/prisma";
import { activeJobQueue, startJobQueue } from "@/lib/server/jobs/job-queue";
import { recomputeOrQueue } from "./follow-calendar-change";

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
    return await recomputeOrQueue({ db });
  } finally {
    await started?.stop();
  }
}
