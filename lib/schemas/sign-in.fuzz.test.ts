// Fuzzing of the sign-in forms: whatever is posted, nothing throws, only the
// two fields come out, and they are valid; valid credentials always pass.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anyString, codePoints, fuzz, hostileInput, oracleNationalId, fuzzFile, typedDigits, validNationalId, withPoisonKeys } from "@/tests/support/fuzz";
import { ZCitizenSignIn, ZStaffSignIn } from "./sign-in";

fuzzFile("lib/schemas/sign-in.ts");

// A few characters grow under NFC (U+0344 becomes two), hence the filter.
const password = fc.string({ unit: "binary", minLength: 1, maxLength: 128 }).filter((p) => codePoints(p.normalize("NFC")) <= 128);
const personnelCode = fc.integer({ min: 6, max: 10 }).chain((n) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n })).map((ds) => ds.join(""));
const passwordOk = (p: string) => p.length > 0 && codePoints(p.normalize("NFC")) <= 128 && p === p.normalize("NFC");

describe("ZCitizenSignIn", () => {
  it("never throws and yields only a valid national ID and a bounded password", () => {
    fuzz("ZCitizenSignIn", hostileInput({ nationalId: fc.oneof(validNationalId, anyString), password: fc.oneof(password, anyString) }), (input) => {
      const result = ZCitizenSignIn.safeParse(input);
      if (!result.success) return;
      expect(Object.keys(result.data).sort()).toEqual(["nationalId", "password"]);
      expect(oracleNationalId(result.data.nationalId)).toBe(true);
      expect(passwordOk(result.data.password)).toBe(true);
    });
  });

  it("accepts every valid national ID, typed in any digits, with any password of 1 to 128 characters", () => {
    fuzz(
      "ZCitizenSignIn",
      fc.tuple(validNationalId.chain((id) => typedDigits(id).map((typed) => ({ id, typed }))), password, fc.boolean()),
      ([{ id, typed }, pw, poison]) => {
        const form = { nationalId: typed, password: pw };
        expect(ZCitizenSignIn.parse(poison ? withPoisonKeys(form) : form)).toEqual({ nationalId: id, password: pw.normalize("NFC") });
      },
    );
  });
});

describe("ZStaffSignIn", () => {
  it("never throws and yields only a six-to-ten-digit personnel code and a bounded password", () => {
    fuzz("ZStaffSignIn", hostileInput({ personnelCode: fc.oneof(personnelCode, anyString), password: fc.oneof(password, anyString) }), (input) => {
      const result = ZStaffSignIn.safeParse(input);
      if (!result.success) return;
      expect(Object.keys(result.data).sort()).toEqual(["password", "personnelCode"]);
      expect(result.data.personnelCode).toMatch(/^[0-9]{6,10}$/);
      expect(passwordOk(result.data.password)).toBe(true);
    });
  });

  it("accepts every personnel code, typed in any digits, with any password of 1 to 128 characters", () => {
    fuzz(
      "ZStaffSignIn",
      fc.tuple(personnelCode.chain((code) => typedDigits(code).map((typed) => ({ code, typed }))), password, fc.boolean()),
      ([{ code, typed }, pw, poison]) => {
        const form = { personnelCode: typed, password: pw };
        expect(ZStaffSignIn.parse(poison ? withPoisonKeys(form) : form)).toEqual({ personnelCode: code, password: pw.normalize("NFC") });
      },
    );
  });
});
