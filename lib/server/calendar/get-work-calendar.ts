import "server-only";
import type { Db } from "@/lib/server/db/prisma";
import type { WorkCalendar } from "@/lib/utils/working-days";
import { DEFAULT_WEEKEND_DAYS, parseWeekendDays, WEEKEND_DAYS_KEY } from "./weekend-days";

const CACHE_MS = 60_000;
const DAY_MS = 86_400_000;
// Deadlines look back as far as the receipt of a request that waited a long
// time for its applicant, and forward by ten working days plus any pause.
const WINDOW_BACK_DAYS = 400;
const WINDOW_AHEAD_DAYS = 2 * 366;

type Entry = { loadedAt: number; calendar: Promise<WorkCalendar> };

// Keyed by client: tests and the app each have their own database. Kept on
// globalThis: Next bundles the instrumentation hook (which runs the scheduled
// jobs, the daily reminders among them) apart from the app's routes, each with
// its own copy of this module, and an administrator's edit (a route) must drop
// what the jobs' copy cached too.
const holder = globalThis as { __portalWorkCalendars?: WeakMap<Db, Entry> };
const cacheOf = () => (holder.__portalWorkCalendars ??= new WeakMap<Db, Entry>());

/**
 * Holidays (from about a year ago to two years ahead) and the weekly closing
 * days, cached in this process for a minute. Other instances see an edit
 * within that minute; this one at once (`invalidateWorkCalendar`).
 */
export function getWorkCalendar({ db, now = new Date() }: { db: Db; now?: Date }): Promise<WorkCalendar> {
  const cache = cacheOf();
  const cached = cache.get(db);
  if (cached && now.getTime() - cached.loadedAt < CACHE_MS && now.getTime() >= cached.loadedAt) return cached.calendar;
  const calendar = loadWorkCalendar({ db, now });
  const entry = { loadedAt: now.getTime(), calendar };
  cache.set(db, entry);
  // A failed load must not be served for the next minute.
  calendar.catch(() => {
    if (cache.get(db) === entry) cache.delete(db);
  });
  return calendar;
}

/** Forget the cached calendar of `db` (or of every client), after an administrator's edit. */
export function invalidateWorkCalendar(db?: Db): void {
  if (db) cacheOf().delete(db);
  else holder.__portalWorkCalendars = new WeakMap();
}

async function loadWorkCalendar({ db, now }: { db: Db; now: Date }): Promise<WorkCalendar> {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const [holidays, weekend] = await Promise.all([
    db.holiday.findMany({
      where: { date: { gte: new Date(today - WINDOW_BACK_DAYS * DAY_MS), lte: new Date(today + WINDOW_AHEAD_DAYS * DAY_MS) } },
      select: { date: true },
    }),
    db.setting.findUnique({ where: { key: WEEKEND_DAYS_KEY }, select: { value: true } }),
  ]);
  return {
    // A @db.Date arrives as UTC midnight of the stored date.
    holidays: new Set(holidays.map((h) => h.date.toISOString().slice(0, 10))),
    weekendDays: new Set(parseWeekendDays(weekend?.value) ?? DEFAULT_WEEKEND_DAYS),
  };
}
