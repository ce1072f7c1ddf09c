import fc from "fast-check";
import { toJalaali } from "jalaali-js";
import { describe, expect, it } from "vitest";
import { toAsciiDigits } from "./digits";
import { formatTehranTime, gregorianToJalali } from "./jalali";
import { tehranDate } from "./working-days";

// tehranDate and gregorianToJalali remember Tehran's offset and date per UTC half-hour (tehran-half-hour-memo).
// These compare them, instant by instant, with the zone data asked directly,
// around every local midnight (where the date turns) and across the years of
// daylight saving (1979-2022), when the offset itself changed at midnight.
const reference = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tehran", year: "numeric", month: "2-digit", day: "2-digit" });
const tehranIso = (instant: Date) => reference.format(instant);

const clock = new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Tehran", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

const HOUR = 3_600_000;
const instants = fc.oneof(
  fc.date({ min: new Date("1980-01-01T00:00:00Z"), max: new Date("2040-12-31T00:00:00Z"), noInvalidDate: true }),
  // Either side of a local midnight: 20:30 UTC (+03:30) and 19:30 UTC (+04:30).
  fc
    .tuple(fc.integer({ min: 3653, max: 25_500 }), fc.constantFrom(19.5 * HOUR, 20.5 * HOUR), fc.integer({ min: -2, max: 2 }))
    .map(([day, at, ms]) => new Date(day * 24 * HOUR + at + ms)),
);

describe("Tehran dates remembered per half-hour", () => {
  it("tehranDate agrees with the zone data at every instant", () => {
    fc.assert(
      fc.property(instants, (instant) => {
        expect(tehranDate(instant)).toBe(tehranIso(instant));
        // Asked twice: the second answer comes from memory.
        expect(tehranDate(new Date(instant.getTime()))).toBe(tehranIso(instant));
      }),
      { numRuns: 5_000 },
    );
  });

  it("tehranDate stays right through each change of the clocks, walked in both directions", () => {
    for (const year of [1991, 2008, 2015, 2022]) {
      for (const [month, day] of [[2, 20], [2, 21], [8, 20], [8, 21]] as const) {
        const start = Date.UTC(year, month, day, 17);
        const steps = Array.from({ length: 29 }, (_, i) => start + i * 15 * 60_000);
        for (const ms of [...steps, ...steps.reverse()]) expect(tehranDate(new Date(ms))).toBe(tehranIso(new Date(ms)));
      }
    }
  });

  it("gregorianToJalali agrees with the zone data at every instant", () => {
    fc.assert(
      fc.property(instants, (instant) => {
        const [y, m, d] = tehranIso(instant).split("-").map(Number) as [number, number, number];
        const expected = toJalaali(y, m, d);
        expect(gregorianToJalali(instant)).toEqual({ jy: expected.jy, jm: expected.jm, jd: expected.jd });
        expect(gregorianToJalali(new Date(instant.getTime()))).toEqual({ jy: expected.jy, jm: expected.jm, jd: expected.jd });
      }),
      { numRuns: 5_000 },
    );
  });

  it("a caller changing the date it got does not change the next answer", () => {
    const instant = new Date("2026-11-30T12:00:00Z");
    const first = gregorianToJalali(instant);
    first.jd = 99;
    expect(gregorianToJalali(instant).jd).not.toBe(99);
  });

  it("formatTehranTime reads Tehran's clock as the zone data does, before 1980 too (not remembered there)", () => {
    const anyInstant = fc.oneof(instants, fc.date({ min: new Date("1950-01-01T00:00:00Z"), max: new Date("1980-01-01T00:00:00Z"), noInvalidDate: true }));
    fc.assert(
      fc.property(anyInstant, (instant) => {
        expect(toAsciiDigits(formatTehranTime(instant))).toBe(clock.format(instant));
      }),
      { numRuns: 5_000 },
    );
    // Either side of each change of the clocks: 23:59 then 01:00 in spring, 23:59 then 23:00 in autumn.
    for (const year of [1991, 2008, 2022]) {
      for (const [month, day] of [[2, 21], [8, 21]] as const) {
        for (let ms = Date.UTC(year, month, day, 18); ms < Date.UTC(year, month, day, 22); ms += 60_000) {
          expect(toAsciiDigits(formatTehranTime(new Date(ms)))).toBe(clock.format(new Date(ms)));
        }
      }
    }
    expect(() => formatTehranTime(new Date(Number.NaN))).toThrow(RangeError);
  });
});
