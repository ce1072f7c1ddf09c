import "server-only";

/** The `Setting` row that holds the weekly closing days, as JS weekday numbers (0 = Sunday … 6 = Saturday). */
export const WEEKEND_DAYS_KEY = "weekendDays";

/** Thursday and Friday: the weekly closure of Iranian government offices. */
export const DEFAULT_WEEKEND_DAYS: readonly number[] = [4, 5];

/** Distinct weekday numbers in order, or null when `value` is not a valid list of closing days. */
export function parseWeekendDays(value: unknown): number[] | null {
  if (!Array.isArray(value)) return null;
  if (!value.every((d) => Number.isInteger(d) && d >= 0 && d <= 6)) return null;
  const days = [...new Set(value as number[])].sort((a, b) => a - b);
  // Seven closing days would leave no day to count a deadline in.
  return days.length < 7 ? days : null;
}
