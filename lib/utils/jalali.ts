// Jalali (Solar Hijri) calendar dates, the only calendar users see.
//
// A JalaliDate is a calendar date with no time or zone. Instants (JS Dates)
// become calendar dates only through gregorianToJalali, which asks "what date
// is it in Tehran at this instant"; the server's own zone never matters.

import { isValidJalaaliDate, toGregorian, toJalaali } from "jalaali-js";
import { toAsciiDigits, toPersianDigits } from "./digits";
import { rememberPerTehranHalfHour } from "./tehran-half-hour-memo";
import { tehranWallClockMs } from "./working-days";

export type JalaliDate = { jy: number; jm: number; jd: number };

export const JALALI_MONTH_NAMES = [
  "فروردین",
  "اردیبهشت",
  "خرداد",
  "تیر",
  "مرداد",
  "شهریور",
  "مهر",
  "آبان",
  "آذر",
  "دی",
  "بهمن",
  "اسفند",
] as const;

export const TEHRAN_TIME_ZONE = "Asia/Tehran";

// Bidi controls are stripped because RTL inputs and copy/paste wrap dates in
// them; they are invisible to the user, who would not understand a rejection.
const BIDI_MARKS = /[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/g;
// One separator style per date: "1403/12-30" is more likely a typo than a date.
const JALALI_INPUT = /^(\d{4})([/-])(\d{1,2})\2(\d{1,2})$/;

/** Parses YYYY/MM/DD or YYYY-MM-DD in any digit script; null unless it is a real Jalali date. */
export function parseJalaliDate(raw: string): JalaliDate | null {
  const match = JALALI_INPUT.exec(toAsciiDigits(raw).replace(BIDI_MARKS, "").trim());
  if (!match) return null;
  const jy = Number(match[1]);
  const jm = Number(match[3]);
  const jd = Number(match[4]);
  return isValidJalaaliDate(jy, jm, jd) ? { jy, jm, jd } : null;
}

/** Storage form: YYYY/MM/DD, ASCII, zero-padded, so that strings sort chronologically. */
export function formatJalaliDate(j: JalaliDate): string {
  const pad = (n: number, width: number) => String(n).padStart(width, "0");
  return `${pad(j.jy, 4)}/${pad(j.jm, 2)}/${pad(j.jd, 2)}`;
}

/** The Gregorian date of a Jalali date, as a Date at UTC midnight (a date, not an instant in Tehran). */
export function jalaliToGregorian(j: JalaliDate): Date {
  const { gy, gm, gd } = toGregorian(j.jy, j.jm, j.jd);
  const date = new Date(Date.UTC(2000, gm - 1, gd));
  // Date.UTC maps years 0..99 to 1900..1999; setting the year separately avoids that.
  date.setUTCFullYear(gy, gm - 1, gd);
  return date;
}

const calendarFormatters = new Map<string, Intl.DateTimeFormat>();

function calendarFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = calendarFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      calendar: "gregory",
      numberingSystem: "latn",
      year: "numeric",
      month: "numeric",
      day: "numeric",
    });
    calendarFormatters.set(timeZone, formatter);
  }
  return formatter;
}

const tehranDayAt = rememberPerTehranHalfHour((instant) => askZoneData(instant, TEHRAN_TIME_ZONE));

/** The Jalali calendar date in `timeZone` (Tehran by default) at the given instant. */
export function gregorianToJalali(date: Date, timeZone: string = TEHRAN_TIME_ZONE): JalaliDate {
  if (Number.isNaN(date.getTime())) throw new RangeError("gregorianToJalali: invalid Date");
  // Tehran's date is remembered per half-hour (tehran-half-hour-memo); a copy, so callers cannot change it.
  return timeZone === TEHRAN_TIME_ZONE ? { ...tehranDayAt(date) } : askZoneData(date, timeZone);
}

function askZoneData(date: Date, timeZone: string): JalaliDate {
  let gy = NaN;
  let gm = NaN;
  let gd = NaN;
  for (const part of calendarFormatter(timeZone).formatToParts(date)) {
    if (part.type === "year") gy = Number(part.value);
    else if (part.type === "month") gm = Number(part.value);
    else if (part.type === "day") gd = Number(part.value);
  }
  if (!Number.isInteger(gy) || !Number.isInteger(gm) || !Number.isInteger(gd)) {
    throw new RangeError(`gregorianToJalali: cannot read the date of ${date.toISOString()} in ${timeZone}`);
  }
  return toJalaali(gy, gm, gd);
}

/** Today's Jalali date in Tehran. */
export function todayJalali(now: Date = new Date()): JalaliDate {
  return gregorianToJalali(now, TEHRAN_TIME_ZONE);
}

/**
 * Completed years from `birth` to `on`. Someone born on 30 Esfand (leap day)
 * turns a year older on 1 Farvardin in common years. Negative when `on` is
 * before `birth`, so callers must not treat the result as a valid age blindly.
 */
export function ageOn(birth: JalaliDate, on: JalaliDate): number {
  const hadBirthday = on.jm > birth.jm || (on.jm === birth.jm && on.jd >= birth.jd);
  return on.jy - birth.jy - (hadBirthday ? 0 : 1);
}

/** Reading form for the UI, e.g. ۱۵ فروردین ۱۴۰۴. */
export function formatJalaliForDisplay(j: JalaliDate): string {
  const month = JALALI_MONTH_NAMES[j.jm - 1];
  if (month === undefined) throw new RangeError(`formatJalaliForDisplay: month ${j.jm} out of range`);
  return `${toPersianDigits(j.jd)} ${month} ${toPersianDigits(j.jy)}`;
}

/** Orders two dates: negative if a is earlier, 0 if equal, positive if later. */
export function compareJalali(a: JalaliDate, b: JalaliDate): number {
  return a.jy - b.jy || a.jm - b.jm || a.jd - b.jd;
}

const MINUTE_MS = 60_000;
const twoDigits = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * "HH:MM" on Tehran's clock. From Tehran's offset, remembered per half-hour
 * (tehran-half-hour-memo), rather than from Intl.DateTimeFormat on every call:
 * a history lists a time for every step, and Intl took most of a page's date work.
 */
function tehranClock(instant: Date): string {
  if (Number.isNaN(instant.getTime())) throw new RangeError("formatTehranTime: invalid Date");
  const minuteOfDay = ((Math.floor(tehranWallClockMs(instant) / MINUTE_MS) % 1440) + 1440) % 1440;
  return `${twoDigits(Math.floor(minuteOfDay / 60))}:${twoDigits(minuteOfDay % 60)}`;
}

/** Date and time of an instant in Tehran for the UI, e.g. ۵ آذر ۱۴۰۵، ساعت ۱۴:۳۰. */
export function formatTehranDateTime(instant: Date): string {
  return `${formatJalaliForDisplay(gregorianToJalali(instant))}، ساعت ${toPersianDigits(tehranClock(instant))}`;
}

/** Time of day of an instant in Tehran for the UI, e.g. ۰۸:۳۰. */
export function formatTehranTime(instant: Date): string {
  return toPersianDigits(tehranClock(instant));
}
