import "server-only";
import { getWorkCalendar } from "@/lib/server/calendar/get-work-calendar";
import type { Db } from "@/lib/server/db/prisma";
import { getLogger } from "@/lib/server/observability/logger";
import { isWorkingDay, tehranDate } from "@/lib/utils/working-days";
import { listOpenDeadlines } from "./open-deadlines";
import { remindBranchHeads } from "./remind-branch-heads";
import { remindOfficers } from "./remind-officers";
import { remindWaitingApplicants } from "./remind-waiting-applicants";

const TEHRAN_HOUR = new Intl.DateTimeFormat("en-US", { timeZone: "Asia/Tehran", hour: "numeric", hourCycle: "h23" });

/**
 * Whether reminders may go out at `now`: from 07:00 to before 20:00 in Tehran. The queue's
 * schedule runs them at 07:00; the embedded database's hourly timer sends them at its
 * first pass in these hours (they go once a day whatever runs them).
 */
export function isReminderHour(now: Date): boolean {
  const hour = Number(TEHRAN_HOUR.format(now));
  return hour >= 7 && hour < 20;
}

export type ReminderCounts = { heads: number; officers: number; applicants: number };

/**
 * The morning's deadline reminders (docs/decisions/017): each branch head's
 * digest (due today, overdue) and each officer's requests due on the next
 * working day, on working days only; and applicants whose returned request has
 * waited on them for five working days. Safe to run often and on several
 * servers at once: each reminder is written once (its day or its return is in
 * the message's key).
 */
export async function sendDailyReminders({ db, now = new Date() }: { db: Db; now?: Date }): Promise<ReminderCounts> {
  const calendar = await getWorkCalendar({ db, now });
  const counts: ReminderCounts = { heads: 0, officers: 0, applicants: 0 };
  if (isWorkingDay(tehranDate(now), calendar)) {
    const deadlines = await listOpenDeadlines({ db, now, calendar });
    counts.heads = await remindBranchHeads({ db, now, deadlines });
    counts.officers = await remindOfficers({ db, now, deadlines });
  }
  counts.applicants = await remindWaitingApplicants({ db, now, calendar });
  if (counts.heads + counts.officers + counts.applicants > 0) getLogger().info(counts, "Deadline reminders queued");
  return counts;
}
