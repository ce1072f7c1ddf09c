import "server-only";
import type { Db } from "@/lib/server/db/prisma";
import { activeJobQueue } from "@/lib/server/jobs/job-queue";
import { getLogger } from "@/lib/server/observability/logger";
import { describeRecompute, recomputeDueDates } from "./recompute-due-dates";

/**
 * After an administrator changed the holidays or the weekend: the open
 * requests' due dates are recomputed by a job (any server of the cluster runs
 * it, with retries), or at once where no queue runs (the embedded database).
 * The change itself is saved either way; a failure here is logged, not shown
 * to the administrator as if the edit had failed.
 */
export async function followCalendarChange({ db }: { db: Db }): Promise<void> {
  try {
    await recomputeOrQueue({ db });
  } catch (error) {
    getLogger().error({ err: error instanceof Error ? { name: error.name, message: error.message } : String(error) }, "Due dates not recomputed after a calendar change");
  }
}

/** The due dates' recompute: a job where this process runs a job queue, else at once. What was done, in a line. */
export async function recomputeOrQueue({ db }: { db: Db }): Promise<string> {
  const queue = activeJobQueue();
  if (!queue) return describeRecompute(await recomputeDueDates({ db }));
  await queue.queueDueDateRecompute();
  return "Due dates: a recompute of the open requests on the new calendar is queued for the job queue's workers.";
}
