import "server-only";
import type { Db } from "@/lib/server/db/prisma";
import { workingDaysUntil, type WorkCalendar } from "@/lib/utils/working-days";

const DAY_MS = 86_400_000;
// Far enough to reach the next working day across the longest closure (Nowruz and a weekend).
const LOOK_AHEAD_DAYS = 14;

export type OpenDeadline = {
  id: string;
  trackingCode: string;
  branchId: string | null;
  assignedStaffId: string | null;
  dueAt: Date;
  /** As «روز کاری مانده» counts it: 0 due today, 1 the next working day, below 0 overdue. */
  workingDaysLeft: number;
};

/** The open requests whose deadline runs and is overdue, today or within the next two weeks, by due date (then tracking code). */
export async function listOpenDeadlines({ db, now, calendar }: { db: Db; now: Date; calendar: WorkCalendar }): Promise<OpenDeadline[]> {
  const rows = await db.request.findMany({
    where: { status: { in: ["SUBMITTED", "IN_REVIEW"] }, dueAt: { not: null, lt: new Date(now.getTime() + LOOK_AHEAD_DAYS * DAY_MS) } },
    orderBy: [{ dueAt: "asc" }, { trackingCode: "asc" }],
    select: { id: true, trackingCode: true, branchId: true, assignedStaffId: true, dueAt: true },
  });
  return rows.map((row) => ({ ...row, dueAt: row.dueAt!, workingDaysLeft: workingDaysUntil({ dueAt: row.dueAt!, now, calendar }) }));
}
