import "server-only";
import type { Db } from "@/lib/server/db/prisma";
import { queueSmsOnce } from "@/lib/server/sms/queue-sms";
import { toPersianDigits } from "@/lib/utils/digits";
import { tehranDate } from "@/lib/utils/working-days";
import type { OpenDeadline } from "./open-deadlines";

export const headDigestSms = ({ branchName, dueToday, overdue }: { branchName: string; dueToday: number; overdue: number }) =>
  `یادآوری مهلت‌ها، ${branchName}: ${toPersianDigits(dueToday)} درخواست موعد پاسخش امروز است و ${toPersianDigits(overdue)} درخواست از موعد گذشته است. داشبورد مهلت‌ها را در سامانه ببینید.`;

/**
 * The morning digest of each branch head: how many open requests of the branch
 * are due today and how many are overdue; nothing when there are none, and once
 * a day per head however often it runs.
 */
export async function remindBranchHeads({ db, now, deadlines }: { db: Db; now: Date; deadlines: readonly OpenDeadline[] }): Promise<number> {
  const byBranch = new Map<string, { dueToday: number; overdue: number }>();
  for (const request of deadlines) {
    if (!request.branchId || request.workingDaysLeft > 0) continue;
    const counts = byBranch.get(request.branchId) ?? { dueToday: 0, overdue: 0 };
    if (request.workingDaysLeft === 0) counts.dueToday++;
    else counts.overdue++;
    byBranch.set(request.branchId, counts);
  }
  if (byBranch.size === 0) return 0;
  const heads = await db.staffAccount.findMany({
    where: { role: "BRANCH_HEAD", disabledAt: null, mobile: { not: null }, branchId: { in: [...byBranch.keys()] } },
    select: { id: true, mobile: true, branchId: true, branch: { select: { name: true } } },
  });
  const day = tehranDate(now);
  let queued = 0;
  for (const head of heads) {
    const counts = byBranch.get(head.branchId!)!;
    const body = headDigestSms({ branchName: head.branch?.name ?? "شعبه", ...counts });
    const message = await db.$transaction((tx) => queueSmsOnce(tx, { kind: "DEADLINE_REMINDER", to: head.mobile!, body, dedupeKey: `head-digest:${head.id}:${day}`, now }));
    if (message) queued++;
  }
  return queued;
}
