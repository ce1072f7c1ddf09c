import crypto from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatTrackingCode, makeTrackingCode, parseTrackingCode, trackingCheckDigit } from "./tracking-code";

const anyCode = fc
  .array(fc.integer({ min: 0, max: 9 }), { minLength: 9, maxLength: 9 })
  .map((digits) => {
    let i = 0;
    return makeTrackingCode((max) => (max === 9 ? digits[i++]! % 9 : digits[i++]!));
  });

describe("tracking codes", () => {
  it("are ten digits that pass their own check", () => {
    fc.assert(
      fc.property(anyCode, (code) => {
        expect(code).toMatch(/^[1-9]\d{9}$/);
        expect(parseTrackingCode(code)).toBe(code);
      }),
      { numRuns: 5_000 },
    );
  });

  it("catch every single mistyped digit", () => {
    fc.assert(
      fc.property(anyCode, fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 9 }), (code, position, delta) => {
        const wrong = code.slice(0, position) + String((Number(code[position]) + delta) % 10) + code.slice(position + 1);
        expect(parseTrackingCode(wrong)).toBeNull();
      }),
      { numRuns: 5_000 },
    );
  });

  it("catch every swap of two different neighbouring digits", () => {
    fc.assert(
      fc.property(anyCode, fc.integer({ min: 0, max: 8 }), (code, i) => {
        fc.pre(code[i] !== code[i + 1]);
        const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
        expect(parseTrackingCode(swapped)).toBeNull();
      }),
      { numRuns: 5_000 },
    );
  });

  it("accept Persian digits, spaces and dashes when typed", () => {
    const code = makeTrackingCode(crypto.randomInt);
    expect(parseTrackingCode(formatTrackingCode(code))).toBe(code);
    expect(parseTrackingCode(` ${code.slice(0, 5)} ${code.slice(5)} `)).toBe(code);
  });

  it("reject anything else without throwing", () => {
    fc.assert(fc.property(fc.string(), (s) => void parseTrackingCode(s)), { numRuns: 10_000 });
    expect(parseTrackingCode("")).toBeNull();
    expect(parseTrackingCode("0123456789")).toBeNull();
  });

  it("compute the published Damm check digit", () => {
    // The textbook example: 572 has check digit 4.
    expect(trackingCheckDigit("572")).toBe(4);
  });

  it("display as ۴-۳-۳ groups in Persian digits", () => {
    expect(formatTrackingCode("1234567890")).toBe("۱۲۳۴-۵۶۷-۸۹۰");
  });
});
