// Fuzzing of the Jalali date parser against an oracle (month lengths and a
// round trip through the Gregorian calendar): on any string nothing throws,
// and a typed date is read exactly when it is a real date in one format.
import fc from "fast-check";
import { toJalaali } from "jalaali-js";
import { describe, expect, it } from "vitest";
import { anyString, fuzz, oracleJalaliDate, oracleStoredJalali, fuzzFile, trickyString, typedDigits } from "@/tests/support/fuzz";
import { formatJalaliDate, gregorianToJalali, parseJalaliDate } from "./jalali";

fuzzFile("lib/utils/jalali.ts");

describe("parseJalaliDate", () => {
  it("never throws, and what it reads is a real date that formats to the stored form and back", () => {
    fuzz("parseJalaliDate", fc.oneof(anyString, trickyString(14)), (s) => {
      const date = parseJalaliDate(s);
      if (date === null) return;
      expect(oracleJalaliDate(date.jy, date.jm, date.jd)).toBe(true);
      expect(oracleStoredJalali(formatJalaliDate(date))).toBe(true);
      expect(parseJalaliDate(formatJalaliDate(date))).toEqual(date);
    });
  });

  it("reads a typed date exactly when it is real, with a four-digit year and one separator style", () => {
    const typed = fc
      .tuple(
        fc.oneof(fc.integer({ min: 1200, max: 1600 }), fc.integer({ min: 0, max: 9999 })),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        fc.constantFrom("/", "-"),
        fc.constantFrom("/", "-", "."),
        fc.boolean(),
        fc.constantFrom("", " ", "\u200F", "\u200E", "\u2066", "\u061C", " \t"),
      )
      .chain(([y, m, d, sep1, sep2, pad, around]) => {
        const part = (n: number) => (pad ? String(n).padStart(2, "0") : String(n));
        return fc
          .tuple(typedDigits(String(y).padStart(4, "0"), { separators: [] }), typedDigits(part(m), { separators: [] }), typedDigits(part(d), { separators: [] }))
          .map(([ty, tm, td]) => ({ y, m, d, sameSeparators: sep1 === sep2, text: `${around}${ty}${sep1}${tm}${sep2}${td}${around}` }));
      });
    fuzz("parseJalaliDate", typed, ({ y, m, d, sameSeparators, text }) => {
      const expected = sameSeparators && oracleJalaliDate(y, m, d) ? { jy: y, jm: m, jd: d } : null;
      expect(parseJalaliDate(text)).toEqual(expected);
    });
  });
});

describe("gregorianToJalali", () => {
  const tehran = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tehran", year: "numeric", month: "2-digit", day: "2-digit" });

  it("gives the real Jalali date of the instant in Tehran, and throws RangeError only for an invalid Date", () => {
    const instant = fc.oneof(fc.date({ min: new Date("1925-01-01T00:00:00Z"), max: new Date("2200-01-01T00:00:00Z") }), fc.constant(new Date(Number.NaN)));
    fuzz("gregorianToJalali", instant, (date) => {
      if (Number.isNaN(date.getTime())) {
        expect(() => gregorianToJalali(date)).toThrow(RangeError);
        return;
      }
      const j = gregorianToJalali(date);
      expect(oracleJalaliDate(j.jy, j.jm, j.jd)).toBe(true);
      const [gy, gm, gd] = tehran.format(date).split("-").map(Number) as [number, number, number];
      expect(j).toEqual(toJalaali(gy, gm, gd));
    });
  });
});
