import { describe, expect, it } from "vitest";
import { isReminderHour } from "./send-daily-reminders";

describe("isReminderHour", () => {
  it("is from 07:00 to before 20:00 in Tehran (UTC+03:30)", () => {
    expect(isReminderHour(new Date("2026-11-28T03:29:00Z"))).toBe(false); // 06:59
    expect(isReminderHour(new Date("2026-11-28T03:30:00Z"))).toBe(true); // 07:00
    expect(isReminderHour(new Date("2026-11-28T16:29:00Z"))).toBe(true); // 19:59
    expect(isReminderHour(new Date("2026-11-28T16:30:00Z"))).toBe(false); // 20:00
    expect(isReminderHour(new Date("2026-11-28T21:00:00Z"))).toBe(false); // 00:30
  });
});
