import "server-only";
import type { Db } from "@/lib/server/db/prisma";
import { queueSmsOnce } from "@/lib/server/sms/queue-sms";
import { toPersianDigits } from "@/lib/utils/digits";

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
const VIEWS = new Set(["VIEW_REQUESTS", "VIEW_REQUEST", "VIEW_DEPENDENTS", "VIEW_MESSAGES", "VIEW_VISITS"]);

export const weeklyUseSummarySms = (helperName: string, views: number, actions: number) =>
  `گزارش هفتگی نمایندگی: در هفت روز گذشته ${helperName} به نمایندگی از شما در سامانه خدمات غیرحضوری تأمین اجتماعی ` +
  `${toPersianDigits(views)} بار پرونده شما را دید و ${toPersianDigits(actions)} کار انجام داد. ` +
  `جزئیات در «چه کسانی پرونده من را دیده‌اند» است و در بخش «نمایندگی» می‌توانید نمایندگی را لغو کنید.`;

/**
 * The principal's weekly summary (docs/decisions/020): one SMS per mandate that
 * was used in the seven days before `now`, saying how often the helper looked and
 * acted. Written once per mandate and week (the week's number is in the dedupe
 * key), so two servers or a second run send nothing more.
 */
export async function sendWeeklyUseSummaries({ db, now }: { db: Db; now: Date }): Promise<number> {
  const since = new Date(now.getTime() - WEEK_MS);
  const week = Math.floor(now.getTime() / WEEK_MS);
  const mandates = await db.mandate.findMany({
    where: { grantedAt: { not: null }, uses: { some: { at: { gte: since, lt: now } } } },
    select: {
      id: true,
      principalId: true,
      principal: { select: { mobile: true } },
      helper: { select: { firstName: true, lastName: true } },
      uses: { where: { at: { gte: since, lt: now } }, select: { kind: true } },
    },
  });
  let queued = 0;
  for (const mandate of mandates) {
    if (!mandate.principal) continue;
    const views = mandate.uses.filter((use) => VIEWS.has(use.kind)).length;
    const body = weeklyUseSummarySms(`${mandate.helper.firstName} ${mandate.helper.lastName}`, views, mandate.uses.length - views);
    const message = await db.$transaction((tx) =>
      queueSmsOnce(tx, { kind: "MANDATE", to: mandate.principal!.mobile, citizenId: mandate.principalId, body, dedupeKey: `mandate-week:${mandate.id}:${week}`, now }),
    );
    if (message) queued++;
  }
  return queued;
}
