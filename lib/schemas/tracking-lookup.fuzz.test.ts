// Fuzzing of the public status check: nothing throws, only codes passing the
// Damm check (recomputed here) and valid national IDs pass, and every valid
// pair, typed in any digits with separators, is accepted.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anyValue, fuzz, hostileInput, oracleNationalId, oracleTrackingCode, fuzzFile, typedDigits, validNationalId, validTrackingCode, withPoisonKeys } from "@/tests/support/fuzz";
import { zTrackingCode, ZTrackingLookup } from "./tracking-lookup";

fuzzFile("lib/schemas/tracking-lookup.ts");

const digits = (min: number, max: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((ds) => ds.join(""));

describe("zTrackingCode", () => {
  it("never throws and yields only ten ASCII digits passing the Damm check", () => {
    fuzz("zTrackingCode", anyValue, (input) => {
      const result = zTrackingCode.safeParse(input);
      if (result.success) expect(oracleTrackingCode(result.data)).toBe(true);
    });
  });

  it("accepts typed digits exactly when they form a valid code", () => {
    fuzz("zTrackingCode", fc.oneof(digits(8, 12), validTrackingCode).chain((ascii) => typedDigits(ascii).map((typed) => ({ ascii, typed }))), ({ ascii, typed }) => {
      const result = zTrackingCode.safeParse(typed);
      expect(result.success).toBe(oracleTrackingCode(ascii));
      if (result.success) expect(result.data).toBe(ascii);
    });
  });
});

describe("ZTrackingLookup", () => {
  it("never throws and yields only a valid code and a valid national ID", () => {
    fuzz("ZTrackingLookup", hostileInput({ trackingCode: validTrackingCode, nationalId: validNationalId }), (input) => {
      const result = ZTrackingLookup.safeParse(input);
      if (!result.success) return;
      expect(Object.keys(result.data).sort()).toEqual(["nationalId", "trackingCode"]);
      expect(oracleTrackingCode(result.data.trackingCode)).toBe(true);
      expect(oracleNationalId(result.data.nationalId)).toBe(true);
    });
  });

  it("accepts every valid pair typed in any digits", () => {
    fuzz(
      "ZTrackingLookup",
      fc.tuple(validTrackingCode, validNationalId, fc.boolean()).chain(([code, id, poison]) =>
        fc.tuple(typedDigits(code), typedDigits(id)).map(([typedCode, typedId]) => ({ code, id, typedCode, typedId, poison })),
      ),
      ({ code, id, typedCode, typedId, poison }) => {
        const form = { trackingCode: typedCode, nationalId: typedId };
        expect(ZTrackingLookup.parse(poison ? withPoisonKeys(form) : form)).toEqual({ trackingCode: code, nationalId: id });
      },
    );
  });
});
