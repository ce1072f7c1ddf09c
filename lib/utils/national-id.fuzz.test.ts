// Fuzzing of the national-code functions against an oracle written here:
// isValidNationalId agrees with it on any string, the check-digit helpers
// agree on valid input and throw only RangeError otherwise, and masking never
// reveals more than the last four digits of a well-formed code.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anyString, fuzz, oracleNationalId, PERSIAN_DIGITS, fuzzFile, validNationalId } from "@/tests/support/fuzz";
import { isValidNationalId, makeNationalId, maskNationalId, nationalIdCheckDigit } from "./national-id";

fuzzFile("lib/utils/national-id.ts");

const digits = (min: number, max: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((ds) => ds.join(""));

describe("isValidNationalId", () => {
  it("agrees with the oracle on any string (and refuses unnormalised input)", () => {
    const candidates = fc.oneof(
      anyString,
      digits(9, 11),
      validNationalId,
      validNationalId.map((id) => id.replace(/\d/g, (d) => PERSIAN_DIGITS[Number(d)]!)),
      validNationalId.map((id) => ` ${id}`),
      validNationalId.map((id) => `${id}\n`),
      fc.integer({ min: 0, max: 9 }).map((d) => String(d).repeat(10)),
    );
    fuzz("isValidNationalId", candidates, (s) => {
      expect(isValidNationalId(s)).toBe(oracleNationalId(s));
    });
  });
});

describe("nationalIdCheckDigit and makeNationalId", () => {
  const anyFirst9 = fc.oneof(digits(9, 9), anyString, digits(8, 10), fc.integer({ min: 0, max: 9 }).map((d) => String(d).repeat(9)));
  const completes = (first9: string) => [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].filter((c) => oracleNationalId(first9 + c));

  it("nationalIdCheckDigit gives the oracle's check digit for nine ASCII digits and throws RangeError for anything else", () => {
    fuzz("nationalIdCheckDigit", anyFirst9, (first9) => {
      let digit: number;
      try {
        digit = nationalIdCheckDigit(first9);
      } catch (error) {
        expect(error).toBeInstanceOf(RangeError);
        expect(/^[0-9]{9}$/.test(first9)).toBe(false);
        return;
      }
      expect(first9).toMatch(/^[0-9]{9}$/);
      // Nine equal digits complete to a rejected all-same code; otherwise exactly one digit completes them.
      if (!/^(\d)\1{8}$/.test(first9)) expect(completes(first9)).toEqual([digit]);
    });
  });

  it("makeNationalId yields a valid code with the given first nine digits, or throws RangeError", () => {
    fuzz("makeNationalId", anyFirst9, (first9) => {
      let id: string;
      try {
        id = makeNationalId(first9);
      } catch (error) {
        expect(error).toBeInstanceOf(RangeError);
        expect(completes(first9)).toEqual([]);
        return;
      }
      expect(oracleNationalId(id)).toBe(true);
      expect(id.slice(0, 9)).toBe(first9);
    });
  });
});

describe("maskNationalId", () => {
  it("shows only the last four digits of ten ASCII digits, and only asterisks (at most 16) otherwise", () => {
    fuzz("maskNationalId", fc.oneof(anyString, digits(9, 11), validNationalId), (s) => {
      const masked = maskNationalId(s);
      if (/^[0-9]{10}$/.test(s)) expect(masked).toBe(`******${s.slice(6)}`);
      else expect(masked).toBe("*".repeat(Math.min(s.length, 16)));
    });
  });
});
