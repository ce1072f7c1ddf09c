// Fuzzing of the holiday forms and the year query parameter: nothing throws,
// only real dates of 1300-1600, normalised titles and valid weekend sets pass,
// and every valid input, in any digits, is accepted.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  anyString,
  anyValue,
  codePoints,
  fuzz,
  hostileInput,
  oracleJalaliDate,
  oracleStoredJalali,
  fuzzFile,
  trickyString,
  typedDigits,
  withPoisonKeys,
} from "@/tests/support/fuzz";
import { HOLIDAY_TITLE_MAX, parseYear, ZHolidayForm, ZWeekendDaysForm } from "./form-schemas";

fuzzFile("app/staff/admin/holidays/form-schemas.ts");

const realDate = (minYear: number, maxYear: number) =>
  fc
    .tuple(fc.integer({ min: minYear, max: maxYear }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
    .filter(([y, m, d]) => oracleJalaliDate(y, m, d));
const typedDate = ([y, m, d]: [number, number, number]) =>
  fc.tuple(fc.constantFrom("/", "-"), fc.boolean(), fc.constantFrom("", " ", "\u200F", "\u200C")).chain(([sep, pad, around]) => {
    const part = (n: number) => (pad ? String(n).padStart(2, "0") : String(n));
    return fc
      .tuple(typedDigits(String(y), { separators: [] }), typedDigits(part(m), { separators: [] }), typedDigits(part(d), { separators: [] }))
      .map(([ty, tm, td]) => `${around}${ty}${sep}${tm}${sep}${td}${around}`);
  });
const stored = ([y, m, d]: [number, number, number]) => `${y}/${String(m).padStart(2, "0")}/${String(d).padStart(2, "0")}`;
const title = fc.string({ unit: fc.constantFrom(..."ابپتکیهو عید۱۲3"), minLength: 1, maxLength: 60 }).filter((s) => s.trim() !== "");

describe("ZHolidayForm", () => {
  it("never throws; what it accepts is a real date of 1300-1600 and a normalised title of at most 200 characters", () => {
    fuzz("ZHolidayForm", hostileInput({ jalaliDate: fc.oneof(realDate(1200, 1700).map(stored), trickyString(14)), title: fc.oneof(title, anyString, trickyString(220)) }), (input) => {
      const result = ZHolidayForm.safeParse(input);
      if (!result.success) return;
      const { jalaliDate, title: t } = result.data;
      expect(Object.keys(result.data).sort()).toEqual(["jalaliDate", "title"]);
      expect(oracleStoredJalali(jalaliDate)).toBe(true);
      const year = Number(jalaliDate.slice(0, 4));
      expect(year >= 1300 && year <= 1600).toBe(true);
      expect(codePoints(t)).toBeGreaterThanOrEqual(1);
      expect(codePoints(t)).toBeLessThanOrEqual(HOLIDAY_TITLE_MAX);
      expect(t).toBe(t.normalize("NFC"));
      expect(t).toBe(t.trim());
      expect(t).not.toMatch(/[^\S ]| {2}|[\u064A\u0649\u0643\u0640\u06F0-\u06F9\u0660-\u0669]/u);
    });
  });

  it("accepts a typed date exactly when it is real and in 1300-1600", () => {
    const date = fc.tuple(fc.integer({ min: 1290, max: 1610 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }));
    fuzz("ZHolidayForm", fc.tuple(date, title).chain(([d, t]) => typedDate(d).map((typed) => ({ d, typed, t }))), ({ d: [y, m, day], typed, t }) => {
      const result = ZHolidayForm.safeParse({ jalaliDate: typed, title: t });
      expect(result.success).toBe(oracleJalaliDate(y, m, day) && y >= 1300 && y <= 1600);
      if (result.success) expect(result.data.jalaliDate).toBe(stored([y, m, day]));
    });
  });

  it("accepts every real date of 1300-1600 in any digits with any sensible title", () => {
    fuzz(
      "ZHolidayForm",
      fc.tuple(realDate(1300, 1600), title, fc.boolean()).chain(([d, t, poison]) => typedDate(d).map((typed) => ({ d, typed, t, poison }))),
      ({ d, typed, t, poison }) => {
        const form = { jalaliDate: typed, title: t };
        const result = ZHolidayForm.safeParse(poison ? withPoisonKeys(form) : form);
        expect(result.success).toBe(true);
        expect(result.data?.jalaliDate).toBe(stored(d));
      },
    );
  });
});

describe("ZWeekendDaysForm", () => {
  const day = fc.constantFrom("0", "1", "2", "3", "4", "5", "6");

  it("never throws; what it accepts is one to six distinct weekdays 0-6", () => {
    const days = fc.oneof(fc.array(fc.oneof(day, fc.constantFrom("7", "-1", "1.0", " 1", "1\n", "۱", "01"), anyString), { maxLength: 9 }), anyValue);
    fuzz("ZWeekendDaysForm", hostileInput({ weekendDays: days }), (input) => {
      const result = ZWeekendDaysForm.safeParse(input);
      if (!result.success) return;
      const { weekendDays } = result.data;
      expect(weekendDays.length).toBeGreaterThanOrEqual(1);
      for (const d of weekendDays) expect(Number.isInteger(d) && d >= 0 && d <= 6).toBe(true);
      expect(new Set(weekendDays).size).toBeLessThan(7);
    });
  });

  it("accepts exactly the non-empty sets of weekdays that leave a working day", () => {
    fuzz("ZWeekendDaysForm", fc.uniqueArray(day, { maxLength: 7 }), (days) => {
      const result = ZWeekendDaysForm.safeParse({ weekendDays: days });
      expect(result.success).toBe(days.length >= 1 && days.length <= 6);
      if (result.success) expect(result.data.weekendDays).toEqual(days.map(Number));
    });
  });
});

describe("parseYear", () => {
  it("never throws and yields null or a year of 1300-1600 from four digits in any script", () => {
    const yearish = fc.oneof(
      fc.integer({ min: 0, max: 9999 }).chain((y) => typedDigits(String(y), { separators: [] }).map((typed) => ({ y, typed: ` ${typed} ` }))),
      anyString.map((typed) => ({ y: null, typed })),
    );
    fuzz("parseYear", fc.oneof(yearish, fc.array(yearish, { maxLength: 2 }), fc.constant(undefined)), (input) => {
      const raw = Array.isArray(input) ? input.map((i) => i.typed) : input?.typed;
      const year = parseYear(raw);
      if (year !== null) expect(Number.isInteger(year) && year >= 1300 && year <= 1600).toBe(true);
      if (!Array.isArray(input) && input?.y != null) expect(year).toBe(input.y >= 1300 && input.y <= 1600 ? input.y : null);
      if (Array.isArray(input) || input === undefined) expect(year).toBeNull();
    });
  });
});
