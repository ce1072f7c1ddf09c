// Fuzzing of tracking codes against a Damm oracle written here: parsing agrees
// with it for any typed input, the check digit agrees for any digits, and the
// display form always reads back as the same code.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anyString, dammInterim, fuzz, oracleTrackingCode, fuzzFile, typedDigits, validTrackingCode } from "@/tests/support/fuzz";
import { formatTrackingCode, makeTrackingCode, parseTrackingCode, trackingCheckDigit } from "./tracking-code";

fuzzFile("lib/utils/tracking-code.ts");

const digits = (min: number, max: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((ds) => ds.join(""));

describe("parseTrackingCode", () => {
  it("returns null or a code the oracle accepts, on any string", () => {
    fuzz("parseTrackingCode", anyString, (s) => {
      const code = parseTrackingCode(s);
      if (code !== null) expect(oracleTrackingCode(code)).toBe(true);
    });
  });

  it("accepts typed digits, in any script and with separators, exactly when the oracle accepts them", () => {
    fuzz("parseTrackingCode", fc.oneof(digits(9, 11), validTrackingCode).chain((ascii) => typedDigits(ascii).map((typed) => ({ ascii, typed }))), ({ ascii, typed }) => {
      expect(parseTrackingCode(typed)).toBe(oracleTrackingCode(ascii) ? ascii : null);
    });
  });
});

describe("trackingCheckDigit", () => {
  it("gives the oracle's Damm digit for any ASCII digits and throws RangeError for anything else", () => {
    fuzz("trackingCheckDigit", fc.oneof(digits(1, 20), anyString), (body) => {
      if (/^[0-9]+$/.test(body)) expect(trackingCheckDigit(body)).toBe(dammInterim(body));
      else expect(() => trackingCheckDigit(body)).toThrow(RangeError);
    });
  });
});

describe("makeTrackingCode and formatTrackingCode", () => {
  it("make codes the oracle accepts, whose Persian display form parses back to them", () => {
    fuzz("makeTrackingCode", fc.array(fc.nat(), { minLength: 9, maxLength: 9 }), (randoms) => {
      let i = 0;
      const code = makeTrackingCode((max) => randoms[i++]! % max);
      expect(oracleTrackingCode(code)).toBe(true);
      const shown = formatTrackingCode(code);
      expect(shown).toMatch(/^[۰-۹]{4}-[۰-۹]{3}-[۰-۹]{3}$/);
      expect(parseTrackingCode(shown)).toBe(code);
    });
  });
});
