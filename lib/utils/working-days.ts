// Legal deadlines in working days (pure; the calendar is passed in).
//
// The law gives 3 working days for an insurance question, 7 for a medical one,
// and never more than 10. How a deadline is counted:
// - Days are calendar dates in Tehran ("YYYY-MM-DD", Gregorian). An instant
//   belongs to the Tehran date it falls on, whatever the server's zone.
// - A working day is neither a weekly closing day (`weekendDays`, JS weekday
//   numbers) nor an official holiday (`holidays`).
// - The day of receipt is not counted, even when it is a working day: a request
//   received at 23:59 and one received at 08:00 on the same day are due together.
// - The request is due at the END of the Nth counted working day: 23:59:59.999
//   Tehran time, returned as that instant.
// - N is capped at DEADLINE_CAP_WORKING_DAYS (10).
// - A pause (returned to the applicant → resubmitted) stops the clock: working
//   days from the day after the pause began up to and including the resume day
//   are not counted. The day a request is returned still counts if it is a
//   working day, and the resume day is like a new day of receipt. A pause that
//   begins after the Nth counted day changes nothing: the request was already
//   due. While a pause is open there is no deadline (null).

import { rememberPerTehranHalfHour } from "./tehran-half-hour-memo";

export type WorkCalendar = {
  /** "YYYY-MM-DD" Gregorian dates in Tehran. */
  holidays: ReadonlySet<string>;
  /** JS weekday numbers, 0 = Sunday … 6 = Saturday. */
  weekendDays: ReadonlySet<number>;
};

/** Returned to the applicant (`from`) → resubmitted (`to`); `to: null` while still waiting. */
export type Pause = { from: Date; to: Date | null };

export const DEADLINE_CAP_WORKING_DAYS = 10;

const TEHRAN = "Asia/Tehran";
const DAY_MS = 86_400_000;
// Longer than any real run of closed days; only a calendar with every weekday
// closed (a data error) gets near it, and it must fail rather than loop.
const MAX_CLOSED_RUN_DAYS = 366;

const tehranParts = new Intl.DateTimeFormat("en-US", {
  timeZone: TEHRAN,
  calendar: "gregory",
  numberingSystem: "latn",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  second: "numeric",
  hourCycle: "h23",
});

const wholeSeconds = (instant: Date) => Math.floor(instant.getTime() / 1000) * 1000;

/** Tehran's offset from UTC at `instant`, in ms (remembered per half-hour: see tehran-half-hour-memo). */
const tehranOffsetMs = rememberPerTehranHalfHour((instant) => askZoneData(instant) - wholeSeconds(instant));

/** Wall-clock time in Tehran at `instant`, read as if it were UTC (milliseconds dropped). */
export function tehranWallClockMs(instant: Date): number {
  return wholeSeconds(instant) + tehranOffsetMs(instant);
}

function askZoneData(instant: Date): number {
  const p: Record<string, number> = {};
  for (const part of tehranParts.formatToParts(instant)) {
    if (part.type !== "literal") p[part.type] = Number(part.value);
  }
  const wall = new Date(0);
  wall.setUTCFullYear(p.year!, p.month! - 1, p.day!);
  wall.setUTCHours(p.hour!, p.minute!, p.second!, 0);
  return wall.getTime();
}

function assertValidInstant(instant: Date, what: string): void {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) throw new RangeError(`${what} is not a valid Date`);
}

const DATE_FORMAT = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a "YYYY-MM-DD" date; throws on anything else. */
function dayNumber(date: string): number {
  const match = DATE_FORMAT.exec(date);
  if (match) {
    const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
    if (dayString(ms / DAY_MS) === date) return ms / DAY_MS;
  }
  throw new RangeError(`Not a YYYY-MM-DD calendar date: ${JSON.stringify(date)}`);
}

function dayString(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Days since 1970-01-01 of the Tehran date the instant falls on. */
function tehranDayNumber(instant: Date): number {
  return Math.floor(tehranWallClockMs(instant) / DAY_MS);
}

/** "YYYY-MM-DD" of the instant in Tehran. */
export function tehranDate(instant: Date): string {
  assertValidInstant(instant, "tehranDate: instant");
  return dayString(tehranDayNumber(instant));
}

/** The last millisecond of a Tehran date (23:59:59.999 local time). */
function endOfTehranDay(day: number): Date {
  const wallEnd = (day + 1) * DAY_MS - 1;
  // Tehran is UTC+03:30 (no daylight saving since 2022); asking the zone data
  // keeps older dates right too.
  const guess = wallEnd - 3.5 * 3_600_000;
  const offset = tehranWallClockMs(new Date(guess)) - Math.floor(guess / 1000) * 1000;
  return new Date(wallEnd - offset);
}

// 1970-01-01 (day 0) was a Thursday (4).
const weekdayOfDayNumber = (day: number) => (((day + 4) % 7) + 7) % 7;

// The holidays as day numbers, made once per set of holidays (the queue counts days for every
// row it shows); made again if the set was changed since.
const holidayDayNumbers = new WeakMap<ReadonlySet<string>, { size: number; days: ReadonlySet<number> }>();
function holidayDays(calendar: WorkCalendar): ReadonlySet<number> {
  const known = holidayDayNumbers.get(calendar.holidays);
  if (known && known.size === calendar.holidays.size) return known.days;
  const days = new Set([...calendar.holidays].map(dayNumber));
  holidayDayNumbers.set(calendar.holidays, { size: calendar.holidays.size, days });
  return days;
}

function isWorkingDayNumber(day: number, calendar: WorkCalendar): boolean {
  return !calendar.weekendDays.has(weekdayOfDayNumber(day)) && !holidayDays(calendar).has(day);
}

export function isWorkingDay(date: string, calendar: WorkCalendar): boolean {
  return isWorkingDayNumber(dayNumber(date), calendar);
}

/** Whether `calendar` has no working day at all; deadlines cannot be computed then. */
function hasNoWorkingWeekday(calendar: WorkCalendar): boolean {
  return [0, 1, 2, 3, 4, 5, 6].every((d) => calendar.weekendDays.has(d));
}

/**
 * The instant a request is due: the end of the Nth counted working day after
 * receipt (see the rules at the top of this file), or null while paused.
 */
export function computeDueAt({
  receivedAt,
  workingDays,
  pauses = [],
  calendar,
}: {
  receivedAt: Date;
  workingDays: number;
  pauses?: readonly Pause[];
  calendar: WorkCalendar;
}): Date | null {
  assertValidInstant(receivedAt, "computeDueAt: receivedAt");
  if (!Number.isInteger(workingDays) || workingDays < 1) {
    throw new RangeError(`computeDueAt: workingDays must be a positive integer, got ${workingDays}`);
  }
  if (hasNoWorkingWeekday(calendar)) throw new RangeError("computeDueAt: every weekday is a weekend day");
  // Paused days as half-open ranges (day the pause began, resume day].
  const paused: { after: number; through: number }[] = [];
  for (const pause of pauses) {
    assertValidInstant(pause.from, "computeDueAt: pause.from");
    if (pause.to === null) return null;
    assertValidInstant(pause.to, "computeDueAt: pause.to");
    if (pause.to.getTime() < pause.from.getTime()) throw new RangeError("computeDueAt: a pause ends before it begins");
    paused.push({ after: tehranDayNumber(pause.from), through: tehranDayNumber(pause.to) });
  }
  const isPaused = (day: number) => paused.some((p) => day > p.after && day <= p.through);

  const target = Math.min(workingDays, DEADLINE_CAP_WORKING_DAYS);
  let counted = 0;
  let closedRun = 0;
  for (let day = tehranDayNumber(receivedAt) + 1; ; day++) {
    if (!isWorkingDayNumber(day, calendar)) {
      if (++closedRun > MAX_CLOSED_RUN_DAYS) {
        throw new RangeError(`computeDueAt: no working day for ${MAX_CLOSED_RUN_DAYS} days after ${dayString(day - closedRun)}`);
      }
      continue;
    }
    closedRun = 0;
    if (isPaused(day)) continue;
    if (++counted === target) return endOfTehranDay(day);
  }
}

/** Working days in (fromDay, throughDay], by Tehran date. */
function countWorkingDays(fromDay: number, throughDay: number, calendar: WorkCalendar): number {
  let count = 0;
  for (let day = fromDay + 1; day <= throughDay; day++) if (isWorkingDayNumber(day, calendar)) count++;
  return count;
}

/**
 * Working days left until `dueAt`, counted like a deadline (today is not
 * counted, the due day is): n > 0 working days left, 0 = due today, n < 0 =
 * overdue, by the working days since the due day (at least 1 once `dueAt` has
 * passed, even on a closed day or on the due day itself).
 */
export function workingDaysUntil({ dueAt, now, calendar }: { dueAt: Date; now: Date; calendar: WorkCalendar }): number {
  assertValidInstant(dueAt, "workingDaysUntil: dueAt");
  assertValidInstant(now, "workingDaysUntil: now");
  const dueDay = tehranDayNumber(dueAt);
  const today = tehranDayNumber(now);
  if (now.getTime() > dueAt.getTime()) return -Math.max(1, countWorkingDays(dueDay, today, calendar));
  return countWorkingDays(today, dueDay, calendar);
}

/** Persian weekday names, indexed by JS weekday number (0 = Sunday = یکشنبه). */
export const WEEKDAY_NAMES_FA = ["یکشنبه", "دوشنبه", "سه‌شنبه", "چهارشنبه", "پنجشنبه", "جمعه", "شنبه"] as const;

/** JS weekday numbers in the order of the Iranian week, Saturday first. */
export const IRANIAN_WEEK_ORDER = [6, 0, 1, 2, 3, 4, 5] as const;

/** JS weekday number (0 = Sunday) of a "YYYY-MM-DD" date. */
export function weekdayOf(date: string): number {
  return weekdayOfDayNumber(dayNumber(date));
}
