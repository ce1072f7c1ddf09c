// Booking a visit at a branch (docs/decisions/019): the fixed hours a day is
// cut into and how far ahead one may book. Pure; the working-day calendar is
// passed in.
import { isWorkingDay, tehranDate, type WorkCalendar } from "@/lib/utils/working-days";

/** Start hours (Tehran) of a branch's visit slots: the public hours 08:00–13:00, one slot an hour. */
export const VISIT_SLOT_HOURS = [8, 9, 10, 11, 12] as const;

/** How many calendar days ahead a visit can be booked (and a head can open days). */
export const BOOKING_WINDOW_DAYS = 30;

/** The most people one slot may take (a sanity bound on the head's form). */
export const MAX_SLOT_CAPACITY = 50;

const DAY_MS = 86_400_000;

/** "YYYY-MM-DD" plus `n` calendar days. */
export function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The instant a slot starts: `hour`:00 on the Tehran date `day`. Iran keeps
 * +03:30 all year since 2022, and slots are never booked in the past.
 */
export function slotStart(day: string, hour: number): Date {
  return new Date(`${day}T${String(hour).padStart(2, "0")}:00:00+03:30`);
}

/**
 * Whether visits can be booked on `day` at `now`: a working day (neither a
 * weekly closing day nor a holiday), from tomorrow to the end of the window.
 */
export function isBookableDay(day: string, now: Date, calendar: WorkCalendar): boolean {
  const today = tehranDate(now);
  return day > today && day <= addDays(today, BOOKING_WINDOW_DAYS) && isWorkingDay(day, calendar);
}

/** The bookable days from tomorrow to the end of the window, in order. */
export function bookableDays(now: Date, calendar: WorkCalendar): string[] {
  const today = tehranDate(now);
  const days: string[] = [];
  for (let n = 1; n <= BOOKING_WINDOW_DAYS; n++) {
    const day = addDays(today, n);
    if (isWorkingDay(day, calendar)) days.push(day);
  }
  return days;
}

/** What to bring, in the confirmation and the reminder. */
export const VISIT_DOCUMENTS = "اصل کارت ملی و شناسنامه، و دفترچه یا شماره بیمه اگر دارید";
