import "server-only";
import { isUuid } from "@/lib/utils/uuid";
import { jalaaliMonthLength } from "jalaali-js";
import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/server/db/prisma";
import { isRecordNotFound, isUniqueViolation } from "@/lib/server/db/prisma-errors";
import { followCalendarChange } from "@/lib/server/requests/follow-calendar-change";
import { normalizeText } from "@/lib/utils/digits";
import { formatJalaliDate, gregorianToJalali, jalaliToGregorian, parseJalaliDate } from "@/lib/utils/jalali";
import { tehranDate } from "@/lib/utils/working-days";
import { invalidateWorkCalendar } from "./get-work-calendar";
import { DEFAULT_WEEKEND_DAYS, parseWeekendDays, WEEKEND_DAYS_KEY } from "./weekend-days";

// The holidays and closing days behind every deadline. The official list is
// loaded by migrations; administrators confirm or move the provisional days of a
// year whose official calendar was not out yet, and add what the government
// announces later (docs/decisions/012-official-holiday-calendar.md).

export type HolidayDto = {
  id: string;
  /** Gregorian date in Tehran, "YYYY-MM-DD". */
  date: string;
  /** The same day in the Jalali calendar, "YYYY/MM/DD". */
  jalaliDate: string;
  title: string;
  /** Listed before the official calendar of its year was out, and not confirmed since. */
  provisional: boolean;
};

export const HOLIDAY_TITLE_MAX_LENGTH = 200;

const HOLIDAY_SELECT = { id: true, date: true, title: true, provisional: true } as const;

function toDto(row: { id: string; date: Date; title: string; provisional: boolean }): HolidayDto {
  // A @db.Date arrives as UTC midnight of the stored date.
  return {
    id: row.id,
    date: row.date.toISOString().slice(0, 10),
    jalaliDate: formatJalaliDate(gregorianToJalali(row.date, "UTC")),
    title: row.title,
    provisional: row.provisional,
  };
}

function parseDate(jalaliDate: string): Date {
  const parsed = parseJalaliDate(jalaliDate);
  if (!parsed) throw new AppError("INVALID_INPUT", `Not a Jalali date: ${JSON.stringify(jalaliDate)}`);
  return jalaliToGregorian(parsed);
}

function parseTitle(title: string): string {
  const normalized = normalizeText(title);
  if (normalized.length === 0 || normalized.length > HOLIDAY_TITLE_MAX_LENGTH) {
    throw new AppError("INVALID_INPUT", `A holiday title has 1 to ${HOLIDAY_TITLE_MAX_LENGTH} characters`);
  }
  return normalized;
}

/** The holidays of one Jalali year, in date order. */
export async function listHolidays({ db, jalaliYear }: { db: Db; jalaliYear: number }): Promise<HolidayDto[]> {
  if (!Number.isInteger(jalaliYear) || jalaliYear < 1300 || jalaliYear > 1600) {
    throw new AppError("INVALID_INPUT", `Jalali year out of range: ${jalaliYear}`);
  }
  const rows = await db.holiday.findMany({
    where: {
      date: {
        gte: jalaliToGregorian({ jy: jalaliYear, jm: 1, jd: 1 }),
        lte: jalaliToGregorian({ jy: jalaliYear, jm: 12, jd: jalaaliMonthLength(jalaliYear, 12) }),
      },
    },
    orderBy: { date: "asc" },
    select: HOLIDAY_SELECT,
  });
  return rows.map(toDto);
}

/** Adds a holiday; a second holiday on the same day is a CONFLICT (edit the first one's title instead). */
export async function addHoliday({ db, jalaliDate, title }: { db: Db; jalaliDate: string; title: string }): Promise<HolidayDto> {
  const data = { date: parseDate(jalaliDate), title: parseTitle(title) };
  try {
    const row = await db.holiday.create({ data, select: HOLIDAY_SELECT });
    invalidateWorkCalendar(db);
    await followCalendarChange({ db });
    return toDto(row);
  } catch (error) {
    if (isUniqueViolation(error, "date")) throw new AppError("CONFLICT", "There is already a holiday on that day", { cause: error });
    throw error;
  } finally {
    invalidateWorkCalendar(db);
  }
}

/** Moves or renames a holiday; the administrator's edit confirms a provisional one. */
export async function updateHoliday({
  db,
  id,
  jalaliDate,
  title,
}: {
  db: Db;
  id: string;
  jalaliDate: string;
  title: string;
}): Promise<HolidayDto> {
  if (!isUuid(id)) throw new AppError("NOT_FOUND");
  const data = { date: parseDate(jalaliDate), title: parseTitle(title), provisional: false };
  try {
    const before = await db.holiday.findUnique({ where: { id }, select: { date: true } });
    const row = await db.holiday.update({ where: { id }, data, select: HOLIDAY_SELECT });
    // Only a moved day changes deadlines; a new title or a confirmation does not.
    if (before && before.date.getTime() !== row.date.getTime()) {
      invalidateWorkCalendar(db);
      await followCalendarChange({ db });
    }
    return toDto(row);
  } catch (error) {
    if (isRecordNotFound(error)) throw new AppError("NOT_FOUND", "No such holiday", { cause: error });
    if (isUniqueViolation(error, "date")) throw new AppError("CONFLICT", "There is already a holiday on that day", { cause: error });
    throw error;
  } finally {
    invalidateWorkCalendar(db);
  }
}

/** Confirms a provisional holiday as it stands (checked against the official calendar). */
export async function confirmHoliday({ db, id }: { db: Db; id: string }): Promise<HolidayDto> {
  if (!isUuid(id)) throw new AppError("NOT_FOUND");
  try {
    return toDto(await db.holiday.update({ where: { id }, data: { provisional: false }, select: HOLIDAY_SELECT }));
  } catch (error) {
    if (isRecordNotFound(error)) throw new AppError("NOT_FOUND", "No such holiday", { cause: error });
    throw error;
  }
}

/** How many provisional holidays each Jalali year has from today on, for the administrator's attention. */
export async function countProvisionalHolidays({ db, now = new Date() }: { db: Db; now?: Date }): Promise<{ jalaliYear: number; count: number }[]> {
  const today = new Date(`${tehranDate(now)}T00:00:00Z`);
  const rows = await db.holiday.findMany({ where: { provisional: true, date: { gte: today } }, select: { date: true } });
  const counts = new Map<number, number>();
  for (const { date } of rows) {
    const { jy } = gregorianToJalali(date, "UTC");
    counts.set(jy, (counts.get(jy) ?? 0) + 1);
  }
  return [...counts.entries()].sort(([a], [b]) => a - b).map(([jalaliYear, count]) => ({ jalaliYear, count }));
}

export async function deleteHoliday({ db, id }: { db: Db; id: string }): Promise<void> {
  if (!isUuid(id)) throw new AppError("NOT_FOUND");
  try {
    await db.holiday.delete({ where: { id }, select: { id: true } });
    invalidateWorkCalendar(db);
    await followCalendarChange({ db });
  } catch (error) {
    if (isRecordNotFound(error)) throw new AppError("NOT_FOUND", "No such holiday", { cause: error });
    throw error;
  } finally {
    invalidateWorkCalendar(db);
  }
}

/** The weekly closing days (JS weekday numbers, 0 = Sunday), in order; Thursday and Friday when never set. */
export async function getWeekendDays({ db }: { db: Db }): Promise<number[]> {
  const row = await db.setting.findUnique({ where: { key: WEEKEND_DAYS_KEY }, select: { value: true } });
  return parseWeekendDays(row?.value) ?? [...DEFAULT_WEEKEND_DAYS];
}

/** Sets the weekly closing days: at least one, and at least one working day left. */
export async function setWeekendDays({ db, days }: { db: Db; days: readonly number[] }): Promise<number[]> {
  const parsed = parseWeekendDays(days);
  if (!parsed || parsed.length === 0) throw new AppError("INVALID_INPUT", `Weekend days must be 1 to 6 distinct weekdays 0-6, got ${JSON.stringify(days)}`);
  try {
    await db.setting.upsert({
      where: { key: WEEKEND_DAYS_KEY },
      create: { key: WEEKEND_DAYS_KEY, value: parsed },
      update: { value: parsed },
      select: { key: true },
    });
  } finally {
    invalidateWorkCalendar(db);
  }
  await followCalendarChange({ db });
  return parsed;
}
