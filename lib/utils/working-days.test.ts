import fc from "fast-check";
import { jalaaliMonthLength } from "jalaali-js";
import { describe, expect, it } from "vitest";
import { jalaliToGregorian } from "./jalali";
import {
  computeDueAt,
  DEADLINE_CAP_WORKING_DAYS,
  isWorkingDay,
  tehranDate,
  workingDaysUntil,
  type Pause,
  weekdayOf,
  WEEKDAY_NAMES_FA,
  type WorkCalendar,
} from "./working-days";

const THU_FRI = [4, 5];
const calendar = (holidays: string[] = [], weekendDays: number[] = THU_FRI): WorkCalendar => ({
  holidays: new Set(holidays),
  weekendDays: new Set(weekendDays),
});
/** An instant given as Tehran wall-clock time, e.g. "2026-03-18T10:00" (UTC+03:30 since 2022). */
const tehran = (local: string) => new Date(`${local}:00+03:30`);
/** The instant a request due on `date` (Tehran) is due: 23:59:59.999 there. */
const endOfDay = (date: string) => new Date(`${date}T23:59:59.999+03:30`);

describe("tehranDate", () => {
  it("reads the date in Tehran, not in UTC or the server's zone", () => {
    expect(tehranDate(new Date("2025-03-20T20:29:59.999Z"))).toBe("2025-03-20");
    expect(tehranDate(new Date("2025-03-20T20:30:00.000Z"))).toBe("2025-03-21");
    expect(tehranDate(new Date("2026-11-26T00:00:00Z"))).toBe("2026-11-26");
  });

  it("follows the zone data for years when Iran still had daylight saving time (UTC+04:30)", () => {
    expect(tehranDate(new Date("2021-06-01T19:29:00Z"))).toBe("2021-06-01");
    expect(tehranDate(new Date("2021-06-01T19:31:00Z"))).toBe("2021-06-02");
  });
});

describe("isWorkingDay", () => {
  const cal = calendar(["2025-03-21"]);
  it("is false on a weekend day and on a holiday, true otherwise", () => {
    expect(isWorkingDay("2025-03-20", cal)).toBe(false); // Thursday
    expect(isWorkingDay("2025-03-21", cal)).toBe(false); // Friday and Nowruz
    expect(isWorkingDay("2025-03-22", cal)).toBe(true); // Saturday
    expect(isWorkingDay("2025-03-22", calendar(["2025-03-22"]))).toBe(false);
    expect(isWorkingDay("2025-03-22", calendar([], [6]))).toBe(false);
  });
  it("rejects a string that is not a real YYYY-MM-DD date", () => {
    expect(() => isWorkingDay("2025-02-30", cal)).toThrow(RangeError);
    expect(() => isWorkingDay("1404/01/01", cal)).toThrow(RangeError);
  });
  it("sees a holiday added to a calendar's set after the set was first used", () => {
    const holidays = new Set(["2025-03-21"]);
    const growing: WorkCalendar = { holidays, weekendDays: new Set(THU_FRI) };
    expect(isWorkingDay("2025-03-22", growing)).toBe(true);
    holidays.add("2025-03-22");
    expect(isWorkingDay("2025-03-22", growing)).toBe(false);
  });
});

describe("computeDueAt", () => {
  // Esfand 1404 – Farvardin 1405: 29 Esfand (oil nationalisation, and Eid al-Fitr
  // in the computed lunar dates), Nowruz 1–4 Farvardin, 12 and 13 Farvardin.
  const nowruz1405 = calendar([
    "2026-03-20",
    "2026-03-21",
    "2026-03-22",
    "2026-03-23",
    "2026-03-24",
    "2026-04-01",
    "2026-04-02",
  ]);
  const receivedAt = tehran("2026-03-18T10:00"); // Wednesday 1404/12/27

  it("counts across Nowruz: nothing from Thursday 1404/12/28 until Wednesday 1405/01/05", () => {
    // 1: Wed 01/05, 2: Sat 01/08, 3: Sun 01/09.
    expect(computeDueAt({ receivedAt, workingDays: 3, calendar: nowruz1405 })).toEqual(endOfDay("2026-03-29"));
    // 4: Mon 01/10, 5: Tue 01/11, (Wed 01/12 and Thu 01/13 holidays, Fri) 6: Sat 01/15, 7: Sun 01/16.
    expect(computeDueAt({ receivedAt, workingDays: 7, calendar: nowruz1405 })).toEqual(endOfDay("2026-04-05"));
    expect(computeDueAt({ receivedAt, workingDays: 10, calendar: nowruz1405 })).toEqual(endOfDay("2026-04-08"));
  });

  it("is due at 23:59:59.999 in Tehran, which is 20:29:59.999 UTC", () => {
    expect(computeDueAt({ receivedAt, workingDays: 3, calendar: nowruz1405 })?.toISOString()).toBe("2026-03-29T20:29:59.999Z");
  });

  it("does not count Thursday and Friday", () => {
    // Received Wednesday 2025-05-07: Sat 10, Sun 11, Mon 12.
    expect(computeDueAt({ receivedAt: tehran("2025-05-07T09:00"), workingDays: 3, calendar: calendar() })).toEqual(
      endOfDay("2025-05-12"),
    );
    // With a Friday-only weekend the Thursday counts: Thu 8, Sat 10, Sun 11.
    expect(computeDueAt({ receivedAt: tehran("2025-05-07T09:00"), workingDays: 3, calendar: calendar([], [5]) })).toEqual(
      endOfDay("2025-05-11"),
    );
  });

  it("does not count the day of receipt, however late or early in the day", () => {
    const cal = calendar();
    // Monday 2025-04-14, 23:59 vs Tuesday 00:01 in Tehran.
    const lateMonday = new Date("2025-04-14T20:29:00Z");
    const earlyTuesday = new Date("2025-04-14T20:31:00Z");
    expect(computeDueAt({ receivedAt: lateMonday, workingDays: 1, calendar: cal })).toEqual(endOfDay("2025-04-15"));
    expect(computeDueAt({ receivedAt: earlyTuesday, workingDays: 1, calendar: cal })).toEqual(endOfDay("2025-04-16"));
    expect(computeDueAt({ receivedAt: tehran("2025-04-14T00:00"), workingDays: 1, calendar: cal })).toEqual(
      endOfDay("2025-04-15"),
    );
  });

  it("puts 23:59 on the last day of 1403 and 00:01 on Nowruz 1404 on different days, with the same deadline", () => {
    const cal = calendar(["2025-03-19", "2025-03-21", "2025-03-22", "2025-03-23", "2025-03-24"]);
    const lastMinute = new Date("2025-03-20T20:29:00Z"); // Thursday 1403/12/30 23:59
    const firstMinute = new Date("2025-03-20T20:31:00Z"); // Friday 1404/01/01 00:01
    expect(tehranDate(lastMinute)).toBe("2025-03-20");
    expect(tehranDate(firstMinute)).toBe("2025-03-21");
    // Neither the Thursday nor the Friday would have counted: both are due on Tuesday 1404/01/05.
    expect(computeDueAt({ receivedAt: lastMinute, workingDays: 1, calendar: cal })).toEqual(endOfDay("2025-03-25"));
    expect(computeDueAt({ receivedAt: firstMinute, workingDays: 1, calendar: cal })).toEqual(endOfDay("2025-03-25"));
    expect(computeDueAt({ receivedAt: firstMinute, workingDays: 3, calendar: cal })).toEqual(endOfDay("2025-03-29"));
  });

  it(`caps the deadline at ${DEADLINE_CAP_WORKING_DAYS} working days`, () => {
    const cal = calendar();
    const at = tehran("2025-05-03T10:00");
    expect(computeDueAt({ receivedAt: at, workingDays: 12, calendar: cal })).toEqual(
      computeDueAt({ receivedAt: at, workingDays: 10, calendar: cal }),
    );
    expect(computeDueAt({ receivedAt: at, workingDays: 10, calendar: cal })).toEqual(endOfDay("2025-05-17"));
  });

  it("refuses a number of days that is not a positive integer, and a calendar with no working day", () => {
    const at = tehran("2025-05-03T10:00");
    expect(() => computeDueAt({ receivedAt: at, workingDays: 0, calendar: calendar() })).toThrow(RangeError);
    expect(() => computeDueAt({ receivedAt: at, workingDays: 2.5, calendar: calendar() })).toThrow(RangeError);
    expect(() => computeDueAt({ receivedAt: at, workingDays: 3, calendar: calendar([], [0, 1, 2, 3, 4, 5, 6]) })).toThrow(
      RangeError,
    );
    expect(() => computeDueAt({ receivedAt: new Date(NaN), workingDays: 3, calendar: calendar() })).toThrow(RangeError);
  });

  it("follows daylight saving time in years that had it", () => {
    // 2021-06-01 was a Tuesday, Tehran at UTC+04:30: the end of Wednesday is 19:29:59.999 UTC.
    expect(computeDueAt({ receivedAt: new Date("2021-06-01T06:00:00Z"), workingDays: 1, calendar: calendar() })?.toISOString()).toBe(
      "2021-06-02T19:29:59.999Z",
    );
  });

  describe("pauses", () => {
    const cal = calendar();
    // Saturday 2025-05-03; without pauses 3 working days end on Tuesday 2025-05-06.
    const received = tehran("2025-05-03T10:00");
    const due = (pauses: Pause[], workingDays = 3) => computeDueAt({ receivedAt: received, workingDays, pauses, calendar: cal });

    it("counts the day a request is returned, not the days until and including the resume day", () => {
      // Returned Sunday (counted: 1); Mon, Tue, Wed paused; Sat 10 (2), Sun 11 (3).
      expect(due([{ from: tehran("2025-05-04T09:00"), to: tehran("2025-05-07T12:00") }])).toEqual(endOfDay("2025-05-11"));
    });

    it("has no deadline while the request waits for the applicant", () => {
      expect(due([{ from: tehran("2025-05-04T09:00"), to: null }])).toBeNull();
      expect(
        due([
          { from: tehran("2025-05-04T09:00"), to: tehran("2025-05-05T09:00") },
          { from: tehran("2025-05-06T09:00"), to: null },
        ]),
      ).toBeNull();
    });

    it("changes nothing when the request is returned and resubmitted on the same day", () => {
      expect(due([{ from: tehran("2025-05-04T09:00"), to: tehran("2025-05-04T15:00") }])).toEqual(endOfDay("2025-05-06"));
    });

    it("adds up several pauses", () => {
      expect(
        due([
          { from: tehran("2025-05-04T09:00"), to: tehran("2025-05-07T12:00") },
          // Saturday 10 counted (2); Sun 11 and Mon 12 paused; Tue 13 (3).
          { from: tehran("2025-05-10T09:00"), to: tehran("2025-05-12T10:00") },
        ]),
      ).toEqual(endOfDay("2025-05-13"));
    });

    it("treats the resume day as a new day of receipt even after a weekend", () => {
      // Returned Wednesday 7 (after the 3 days had run out on Tuesday): already due.
      expect(due([{ from: tehran("2025-05-07T09:00"), to: tehran("2025-05-10T09:00") }])).toEqual(endOfDay("2025-05-06"));
      // Returned Monday 5 (counted: 2), resubmitted Saturday 10: Sun 11 is the third day.
      expect(due([{ from: tehran("2025-05-05T09:00"), to: tehran("2025-05-10T09:00") }])).toEqual(endOfDay("2025-05-11"));
    });

    it("refuses a pause that ends before it begins", () => {
      expect(() => due([{ from: tehran("2025-05-05T09:00"), to: tehran("2025-05-04T09:00") }])).toThrow(RangeError);
    });
  });
});

describe("workingDaysUntil", () => {
  const cal = calendar(["2025-05-11"]);
  const dueAt = endOfDay("2025-05-12"); // Monday; Sunday 11 is a holiday.
  const left = (now: string) => workingDaysUntil({ dueAt, now: tehran(now), calendar: cal });

  it("counts the working days left after today", () => {
    expect(left("2025-05-07T10:00")).toBe(2); // Wed: Sat 10, Mon 12
    expect(left("2025-05-10T10:00")).toBe(1);
    expect(left("2025-05-11T10:00")).toBe(1);
  });
  it("is 0 on the due day", () => {
    expect(left("2025-05-12T00:00")).toBe(0);
    expect(left("2025-05-12T23:59")).toBe(0);
  });
  it("is negative once overdue, by the working days since the due day", () => {
    expect(left("2025-05-13T00:00")).toBe(-1);
    expect(left("2025-05-14T10:00")).toBe(-2);
    expect(left("2025-05-15T10:00")).toBe(-2); // Thursday
    expect(left("2025-05-17T10:00")).toBe(-3); // Saturday
  });
  it("is at least one day overdue once the deadline passed, even on a closed day", () => {
    const wednesday = endOfDay("2025-05-14");
    expect(workingDaysUntil({ dueAt: wednesday, now: tehran("2025-05-15T08:00"), calendar: cal })).toBe(-1);
  });
});

// ---------------------------------------------------------------------------
// Properties, checked against a separate, plain count of days. Tehran has been
// UTC+03:30 all year since 2022, so the oracle can use a fixed offset.

const DAY = 86_400_000;
const OFFSET = 3.5 * 3_600_000;
const oracleDate = (instant: number) => new Date(instant + OFFSET).toISOString().slice(0, 10);
const oracleDayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY;
const oracleIsWorking = (day: number, cal: WorkCalendar) => {
  const d = new Date(day * DAY);
  return !cal.weekendDays.has(d.getUTCDay()) && !cal.holidays.has(d.toISOString().slice(0, 10));
};
const oraclePaused = (day: number, pauses: readonly Pause[]) =>
  pauses.some((p) => day > oracleDayNumber(oracleDate(p.from.getTime())) && day <= oracleDayNumber(oracleDate(p.to!.getTime())));

const FIRST_DAY_1404 = jalaliToGregorian({ jy: 1404, jm: 1, jd: 1 }).getTime() / DAY;
const LAST_DAY_1405 = jalaliToGregorian({ jy: 1405, jm: 12, jd: jalaaliMonthLength(1405, 12) }).getTime() / DAY;
const receiptInstant = fc
  .integer({ min: FIRST_DAY_1404 * DAY - OFFSET, max: (LAST_DAY_1405 + 1) * DAY - OFFSET - 1 })
  .map((ms) => new Date(ms));

const calendarArb = fc
  .record({
    weekend: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 2 }),
    // Scattered holidays, and runs of them like Nowruz, from a month before 1404 to a year after 1405.
    scattered: fc.uniqueArray(fc.integer({ min: FIRST_DAY_1404 - 30, max: LAST_DAY_1405 + 365 }), { maxLength: 200 }),
    runs: fc.array(fc.record({ start: fc.integer({ min: FIRST_DAY_1404 - 30, max: LAST_DAY_1405 + 30 }), length: fc.integer({ min: 1, max: 14 }) }), {
      maxLength: 6,
    }),
  })
  .map(({ weekend, scattered, runs }): WorkCalendar => {
    const days = [...scattered, ...runs.flatMap((r) => Array.from({ length: r.length }, (_, i) => r.start + i))];
    return { weekendDays: new Set(weekend), holidays: new Set(days.map((d) => new Date(d * DAY).toISOString().slice(0, 10))) };
  });

const pausesFor = (receivedAt: Date) =>
  fc
    .array(fc.record({ startAfter: fc.integer({ min: 0, max: 20 * DAY }), length: fc.integer({ min: 0, max: 15 * DAY }) }), { maxLength: 3 })
    .map((specs): Pause[] =>
      specs.map(({ startAfter, length }) => {
        const from = receivedAt.getTime() + startAfter;
        return { from: new Date(from), to: new Date(from + length) };
      }),
    );

const scenario = fc
  .record({ receivedAt: receiptInstant, calendar: calendarArb, workingDays: fc.integer({ min: 1, max: 12 }) })
  .chain((s) => pausesFor(s.receivedAt).map((pauses) => ({ ...s, pauses })));

const RUNS = { numRuns: 2_000 };

describe("computeDueAt properties", () => {
  it("is the end of a working, unpaused Tehran day after receipt, with exactly N counted working days", () => {
    fc.assert(
      fc.property(scenario, ({ receivedAt, calendar: cal, workingDays, pauses }) => {
        const dueAt = computeDueAt({ receivedAt, workingDays, pauses, calendar: cal });
        expect(dueAt).not.toBeNull();
        const dueDay = oracleDayNumber(oracleDate(dueAt!.getTime()));
        const receiptDay = oracleDayNumber(oracleDate(receivedAt.getTime()));
        // End of the day: one millisecond later it is the next day in Tehran.
        expect(dueAt!.getTime()).toBe((dueDay + 1) * DAY - OFFSET - 1);
        expect(dueDay).toBeGreaterThan(receiptDay);
        expect(oracleIsWorking(dueDay, cal)).toBe(true);
        expect(isWorkingDay(tehranDate(dueAt!), cal)).toBe(true);
        expect(oraclePaused(dueDay, pauses)).toBe(false);
        let counted = 0;
        for (let day = receiptDay + 1; day <= dueDay; day++) if (oracleIsWorking(day, cal) && !oraclePaused(day, pauses)) counted++;
        expect(counted).toBe(Math.min(workingDays, DEADLINE_CAP_WORKING_DAYS));
      }),
      RUNS,
    );
  });

  it("is monotone in N: more days never make the deadline earlier, and beyond the cap change nothing", () => {
    fc.assert(
      fc.property(scenario, ({ receivedAt, calendar: cal, workingDays, pauses }) => {
        const at = (n: number) => computeDueAt({ receivedAt, workingDays: n, pauses, calendar: cal })!.getTime();
        if (workingDays < DEADLINE_CAP_WORKING_DAYS) expect(at(workingDays + 1)).toBeGreaterThan(at(workingDays));
        else expect(at(workingDays + 1)).toBe(at(workingDays));
      }),
      RUNS,
    );
  });

  it("is null while any pause is open", () => {
    fc.assert(
      fc.property(scenario, fc.nat(), ({ receivedAt, calendar: cal, workingDays, pauses }, pick) => {
        const open = pauses.length === 0 ? [{ from: receivedAt, to: null }] : pauses.map((p, i) => (i === pick % pauses.length ? { ...p, to: null } : p));
        expect(computeDueAt({ receivedAt, workingDays, pauses: open, calendar: cal })).toBeNull();
      }),
      RUNS,
    );
  });

  it("agrees with workingDaysUntil: N left on the day of receipt, 0 at the deadline, overdue just after", () => {
    fc.assert(
      fc.property(scenario, ({ receivedAt, calendar: cal, workingDays }) => {
        const dueAt = computeDueAt({ receivedAt, workingDays, calendar: cal })!;
        expect(workingDaysUntil({ dueAt, now: receivedAt, calendar: cal })).toBe(Math.min(workingDays, DEADLINE_CAP_WORKING_DAYS));
        expect(workingDaysUntil({ dueAt, now: dueAt, calendar: cal })).toBe(0);
        expect(workingDaysUntil({ dueAt, now: new Date(dueAt.getTime() + 1), calendar: cal })).toBeLessThan(0);
      }),
      RUNS,
    );
  });
});

describe("weekdayOf", () => {
  it("names the weekday of a date", () => {
    expect(weekdayOf("2025-03-21")).toBe(5); // Friday, Nowruz 1404
    expect(weekdayOf("2026-03-21")).toBe(6); // Saturday, Nowruz 1405
    expect(weekdayOf("1969-12-31")).toBe(3);
    expect(WEEKDAY_NAMES_FA[weekdayOf("2026-03-21")]).toBe("شنبه");
  });
});
