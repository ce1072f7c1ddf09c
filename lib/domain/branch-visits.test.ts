import { describe, expect, it } from "vitest";
import { tehranDate, type WorkCalendar } from "@/lib/utils/working-days";
import { addDays, BOOKING_WINDOW_DAYS, bookableDays, isBookableDay, slotStart } from "./branch-visits";

// Thursday and Friday closed, as the portal's default; 2026-12-07 (a Monday) a holiday.
const calendar: WorkCalendar = { weekendDays: new Set([4, 5]), holidays: new Set(["2026-12-07"]) };
// Wednesday 2 December 2026, 11:00 in Tehran.
const now = new Date("2026-12-02T07:30:00Z");

describe("branch visit days", () => {
  it("never offers a weekend, a holiday, today or a day beyond the window", () => {
    const days = bookableDays(now, calendar);
    expect(days[0]).toBe("2026-12-05"); // Saturday: Thursday 3rd and Friday 4th are closed
    expect(days).not.toContain("2026-12-07");
    expect(days).not.toContain("2026-12-02");
    for (const day of days) expect([4, 5]).not.toContain(new Date(`${day}T00:00:00Z`).getUTCDay());
    expect(days.at(-1)! <= addDays("2026-12-02", BOOKING_WINDOW_DAYS)).toBe(true);
    expect(isBookableDay("2026-12-07", now, calendar)).toBe(false);
    expect(isBookableDay("2026-12-03", now, calendar)).toBe(false);
    expect(isBookableDay("2026-12-06", now, calendar)).toBe(true);
    expect(isBookableDay(addDays("2026-12-02", BOOKING_WINDOW_DAYS + 1), now, calendar)).toBe(false);
  });

  it("starts a slot at the hour in Tehran, on the Tehran date", () => {
    const start = slotStart("2026-12-05", 8);
    expect(start.toISOString()).toBe("2026-12-05T04:30:00.000Z");
    expect(tehranDate(start)).toBe("2026-12-05");
  });
});
