import fc from "fast-check";
import { isLeapJalaaliYear } from "jalaali-js";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  ageOn,
  compareJalali,
  formatJalaliDate,
  formatJalaliForDisplay,
  gregorianToJalali,
  jalaliToGregorian,
  parseJalaliDate,
  todayJalali,
  type JalaliDate,
} from "./jalali";

const j = (jy: number, jm: number, jd: number): JalaliDate => ({ jy, jm, jd });

describe("parseJalaliDate", () => {
  it("accepts both separators, any digit script and unpadded parts", () => {
    expect(parseJalaliDate("1404/01/15")).toEqual(j(1404, 1, 15));
    expect(parseJalaliDate("1404-1-5")).toEqual(j(1404, 1, 5));
    expect(parseJalaliDate("۱۴۰۴/۰۱/۱۵")).toEqual(j(1404, 1, 15));
    expect(parseJalaliDate("١٤٠٤/١/١٥")).toEqual(j(1404, 1, 15));
    expect(parseJalaliDate(" \u200F۱۴۰۴/۱/۱۵\u200E ")).toEqual(j(1404, 1, 15));
  });

  it("knows leap years: 1403 is leap, 1404 is not", () => {
    expect(parseJalaliDate("1403/12/30")).toEqual(j(1403, 12, 30));
    expect(parseJalaliDate("1404/12/30")).toBeNull();
    expect(parseJalaliDate("1404/12/29")).toEqual(j(1404, 12, 29));
  });

  it("knows month lengths: 31 days in months 1-6, 30 in 7-11", () => {
    expect(parseJalaliDate("1404/06/31")).toEqual(j(1404, 6, 31));
    expect(parseJalaliDate("1404/07/31")).toBeNull();
    expect(parseJalaliDate("1404/11/30")).toEqual(j(1404, 11, 30));
  });

  it("rejects malformed and impossible dates", () => {
    for (const raw of [
      "",
      "1404/13/01",
      "1404/00/10",
      "1404/01/00",
      "1404/01/32",
      "404/01/01",
      "14040/01/01",
      "1404/001/01",
      "1404/01-01",
      "1404.01.01",
      "14040101",
      "1404/01/01 12:00",
      "1404 / 01 / 01",
    ]) {
      expect(parseJalaliDate(raw), JSON.stringify(raw)).toBeNull();
    }
  });

  it("round-trips with formatJalaliDate for every real date", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1300, max: 1500 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (jy, jm, jd) => {
        const formatted = formatJalaliDate(j(jy, jm, jd));
        const parsed = parseJalaliDate(formatted);
        if (parsed) expect(formatJalaliDate(parsed)).toBe(formatted);
        expect(parsed === null).toBe((jm > 6 && jd > 30) || (jm === 12 && jd === 30 && !isLeapJalaaliYear(jy)));
      }),
      { numRuns: 3000 },
    );
  });
});

describe("formatJalaliDate", () => {
  it("zero-pads to the storage form", () => {
    expect(formatJalaliDate(j(1404, 1, 5))).toBe("1404/01/05");
    expect(formatJalaliDate(j(1403, 12, 30))).toBe("1403/12/30");
  });
});

describe("jalaliToGregorian", () => {
  it("maps Nowruz 1404 to 2025-03-21 at UTC midnight", () => {
    expect(jalaliToGregorian(j(1404, 1, 1)).toISOString()).toBe("2025-03-21T00:00:00.000Z");
    expect(jalaliToGregorian(j(1403, 12, 30)).toISOString()).toBe("2025-03-20T00:00:00.000Z");
    expect(jalaliToGregorian(j(1405, 9, 5)).toISOString()).toBe("2026-11-26T00:00:00.000Z");
  });

  it("round-trips through gregorianToJalali in UTC", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1300, max: 1500 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 29 }), (jy, jm, jd) => {
        expect(gregorianToJalali(jalaliToGregorian(j(jy, jm, jd)), "UTC")).toEqual(j(jy, jm, jd));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("gregorianToJalali", () => {
  it("uses the Tehran date at the midnight edge (UTC+03:30)", () => {
    expect(gregorianToJalali(new Date("2025-03-20T20:29:59Z"))).toEqual(j(1403, 12, 30));
    expect(gregorianToJalali(new Date("2025-03-20T20:30:00Z"))).toEqual(j(1404, 1, 1));
  });

  it("has no daylight saving time since 2022", () => {
    // Before 2022 Tehran was UTC+04:30 in summer; now it is UTC+03:30 all year.
    expect(gregorianToJalali(new Date("2025-07-01T20:29:59Z"))).toEqual(j(1404, 4, 10));
    expect(gregorianToJalali(new Date("2025-07-01T20:30:00Z"))).toEqual(j(1404, 4, 11));
  });

  it("differs from the UTC date in the evening", () => {
    const instant = new Date("2026-11-25T21:00:00Z");
    expect(gregorianToJalali(instant, "UTC")).toEqual(j(1405, 9, 4));
    expect(gregorianToJalali(instant)).toEqual(j(1405, 9, 5));
  });

  it("rejects an invalid Date", () => {
    expect(() => gregorianToJalali(new Date("nope"))).toThrow(RangeError);
  });
});

describe("todayJalali", () => {
  it("is the Tehran date of the given instant", () => {
    expect(todayJalali(new Date("2026-11-26T08:00:00Z"))).toEqual(j(1405, 9, 5));
    expect(todayJalali(new Date("2026-11-26T20:30:00Z"))).toEqual(j(1405, 9, 6));
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it("defaults to now", () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2025-03-20T20:30:00Z"));
    expect(todayJalali()).toEqual(j(1404, 1, 1));
  });
});

describe("ageOn", () => {
  it("counts completed years", () => {
    expect(ageOn(j(1386, 2, 15), j(1405, 9, 5))).toBe(19);
    expect(ageOn(j(1387, 9, 5), j(1405, 9, 5))).toBe(18);
    expect(ageOn(j(1387, 9, 6), j(1405, 9, 5))).toBe(17);
    expect(ageOn(j(1387, 10, 1), j(1405, 9, 5))).toBe(17);
  });

  it("ages someone born on 30 Esfand on 1 Farvardin of common years", () => {
    expect(ageOn(j(1403, 12, 30), j(1404, 12, 29))).toBe(0);
    expect(ageOn(j(1403, 12, 30), j(1405, 1, 1))).toBe(1);
    expect(ageOn(j(1399, 12, 30), j(1403, 12, 30))).toBe(4);
  });

  it("is zero on the birth date and negative before it", () => {
    expect(ageOn(j(1405, 9, 5), j(1405, 9, 5))).toBe(0);
    expect(ageOn(j(1405, 9, 6), j(1405, 9, 5))).toBe(-1);
  });
});

describe("formatJalaliForDisplay", () => {
  it("uses Persian digits and month names", () => {
    expect(formatJalaliForDisplay(j(1404, 1, 15))).toBe("۱۵ فروردین ۱۴۰۴");
    expect(formatJalaliForDisplay(j(1405, 9, 5))).toBe("۵ آذر ۱۴۰۵");
    expect(formatJalaliForDisplay(j(1403, 12, 30))).toBe("۳۰ اسفند ۱۴۰۳");
  });

  it("rejects a month outside 1-12", () => {
    expect(() => formatJalaliForDisplay(j(1404, 13, 1))).toThrow(RangeError);
  });
});

describe("compareJalali", () => {
  it("orders dates like their storage strings", () => {
    fc.assert(
      fc.property(
        fc.tuple(fc.integer({ min: 1300, max: 1500 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 29 })),
        fc.tuple(fc.integer({ min: 1300, max: 1500 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 29 })),
        ([ay, am, ad], [by, bm, bd]) => {
          const a = j(ay, am, ad);
          const b = j(by, bm, bd);
          expect(Math.sign(compareJalali(a, b))).toBe(Math.sign(formatJalaliDate(a).localeCompare(formatJalaliDate(b))));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("formatTehranDateTime", () => {
  it("shows the Tehran date and 24-hour time in Persian digits", async () => {
    const { formatTehranDateTime } = await import("./jalali");
    // 20:29 UTC is 23:59 in Tehran on the last day of 1403; 20:30 UTC is the new year.
    expect(formatTehranDateTime(new Date("2025-03-20T20:29:00Z"))).toBe("۳۰ اسفند ۱۴۰۳، ساعت ۲۳:۵۹");
    expect(formatTehranDateTime(new Date("2025-03-20T20:30:00Z"))).toBe("۱ فروردین ۱۴۰۴، ساعت ۰۰:۰۰");
  });
});
