import "server-only";
import type { FileStorage } from "@/lib/adapters/storage/file-storage";
import type { Db } from "@/lib/server/db/prisma";
import { sendWeeklyUseSummaries } from "@/lib/server/mandates/send-weekly-use-summaries";
import { isReminderHour, sendDailyReminders } from "@/lib/server/reminders/send-daily-reminders";
import { runRetention, type RetentionSettings } from "@/lib/server/retention/run-retention";
import { sweepDocumentStore } from "@/lib/server/retention/sweep-document-store";
import { remindVisits } from "@/lib/server/visits/remind-visits";
import type { ScheduledJob } from "./schedules";

// The portal's scheduled jobs, apart from the scheduling itself (./schedules.ts): the
// use cases they run send text messages through the job queue, which runs the schedules.

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/**
 * The portal's scheduled jobs: the hourly retention run, the nightly sweep of the document
 * store, the morning's deadline reminders, the reminders of tomorrow's branch visits,
 * and the principals' weekly summary of what their helpers did (Saturday, the first
 * day of the Iranian week).
 */
export function scheduledJobs({ settings, db, storage }: { settings: RetentionSettings; db: Db; storage: FileStorage }): ScheduledJob[] {
  return [
    {
      name: "retention",
      cron: "23 * * * *",
      expireInSeconds: 60 * 60,
      firstRunMs: MINUTE_MS,
      everyMs: HOUR_MS,
      run: () => runRetention({ db, storage, settings }),
    },
    {
      name: "storage-sweep",
      cron: "40 3 * * *",
      expireInSeconds: 6 * 60 * 60,
      firstRunMs: 24 * HOUR_MS,
      everyMs: 24 * HOUR_MS,
      run: () => sweepDocumentStore({ db, storage }),
    },
    {
      name: "deadline-reminders",
      cron: "0 7 * * *",
      expireInSeconds: 60 * 60,
      firstRunMs: 2 * MINUTE_MS,
      everyMs: HOUR_MS,
      run: async () => {
        const now = new Date();
        if (isReminderHour(now)) await sendDailyReminders({ db, now });
      },
    },
    {
      // The day before a booked branch visit (docs/decisions/019); once per visit and slot.
      name: "visit-reminders",
      cron: "0 17 * * *",
      expireInSeconds: 60 * 60,
      firstRunMs: 3 * MINUTE_MS,
      everyMs: HOUR_MS,
      run: async () => {
        const now = new Date();
        if (isReminderHour(now)) await remindVisits({ db, now });
      },
    },
    {
      name: "mandate-summaries",
      cron: "0 10 * * 6",
      expireInSeconds: 60 * 60,
      firstRunMs: 4 * MINUTE_MS,
      everyMs: 24 * HOUR_MS,
      // On the embedded database a daily timer: each mandate's summary is written once a week (its dedupe key).
      run: () => sendWeeklyUseSummaries({ db, now: new Date() }).then(() => undefined),
    },
  ];
}
