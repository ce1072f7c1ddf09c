import "server-only";
import type { RequestKind, RequestStatus } from "@/lib/generated/prisma/enums";
import { getWorkCalendar } from "@/lib/server/calendar/get-work-calendar";
import type { Db } from "@/lib/server/db/prisma";
import { workingDaysUntil } from "@/lib/utils/working-days";

export type MyRequestRow = {
  id: string;
  trackingCode: string;
  kind: RequestKind;
  subject: string | null;
  status: RequestStatus;
  createdAt: Date;
  dueAt: Date | null;
  /** Working days until the deadline: positive left, 0 due today, negative overdue. */
  workingDaysLeft: number | null;
};

/** «درخواست‌های من»: the person's own requests, newest first, optionally filtered. */
export async function listMyRequests({
  db,
  citizenId,
  kind,
  status,
  now = new Date(),
}: {
  db: Db;
  citizenId: string;
  kind?: RequestKind;
  status?: RequestStatus;
  now?: Date;
}): Promise<MyRequestRow[]> {
  const [rows, calendar] = await Promise.all([
    db.request.findMany({
      where: { citizenId, ...(kind ? { kind } : {}), ...(status ? { status } : {}) },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 200,
      select: { id: true, trackingCode: true, kind: true, subject: true, status: true, createdAt: true, dueAt: true },
    }),
    getWorkCalendar({ db, now }),
  ]);
  return rows.map((row) => ({
    ...row,
    workingDaysLeft: row.dueAt ? workingDaysUntil({ dueAt: row.dueAt, now, calendar }) : null,
  }));
}
