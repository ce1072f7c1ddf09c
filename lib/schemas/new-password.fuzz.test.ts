// Fuzzing of makeZNewPassword beyond new-password.test.ts (which already checks
// that it never throws and accepts exactly the passwords meeting every rule):
// hostile form objects, the accepted value's own invariants checked without
// lib/utils/password-rules, and agreement with the sign-in form, so that every
// password someone could register can also be typed to sign in.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anyString, codePoints, fuzz, hostileInput, fuzzFile, validNationalId, withPoisonKeys } from "@/tests/support/fuzz";
import { zPasswordForSignIn } from "./fields";
import { makeZNewPassword } from "./new-password";

fuzzFile("lib/schemas/new-password.ts");

// Latin letters and symbols only, so that no Persian name or number can be inside by chance.
const unit = fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ!#$%&*+=?@^_~ é", "e\u0301", "😀", "\u1100\u1161");
const goodPassword = fc.integer({ min: 10, max: 128 }).chain((n) =>
  fc.array(unit, { minLength: n, maxLength: n }).map((units) => Array.from(units.join("").normalize("NFC")).slice(0, 128).join("")),
).filter((p) => codePoints(p) >= 10);

// Names whose English-keyboard forms (]k'dc, ;hzld, i,ak') hold characters `unit` never produces:
// «مریم» would not do, as a random password may contain "lvdl".
const person = { firstName: "چنگیز", lastName: "کاظمی", fatherName: "هوشنگ", nationalId: "0012345679", mobile: "09121234567" };

describe("makeZNewPassword", () => {
  it("never throws on hostile forms, and what it accepts is NFC, 10 to 128 characters, confirmed and free of the national ID", () => {
    fuzz(
      "makeZNewPassword",
      fc.tuple(validNationalId, hostileInput({ password: fc.oneof(goodPassword, anyString), passwordConfirm: fc.oneof(goodPassword, anyString) })),
      ([nationalId, input]) => {
        const result = makeZNewPassword({ nationalId }).safeParse(input);
        if (!result.success) return;
        const { password, passwordConfirm } = result.data;
        expect(Object.keys(result.data).sort()).toEqual(["password", "passwordConfirm"]);
        expect(password).toBe(password.normalize("NFC"));
        expect(codePoints(password)).toBeGreaterThanOrEqual(10);
        expect(codePoints(password)).toBeLessThanOrEqual(128);
        expect(passwordConfirm).toBe(password);
        expect(password.replace(/[^0-9]/g, "")).not.toContain(nationalId);
      },
    );
  });

  it("accepts every long-enough password unrelated to the person, composed or decomposed, also among prototype-pollution keys", () => {
    fuzz("makeZNewPassword", fc.tuple(goodPassword, fc.constantFrom("NFC", "NFD") as fc.Arbitrary<"NFC" | "NFD">, fc.boolean()), ([password, form, poison]) => {
      const typed = password.normalize(form);
      const input = { password: typed, passwordConfirm: typed };
      const result = makeZNewPassword(person).safeParse(poison ? withPoisonKeys(input) : input);
      expect(result.success).toBe(true);
      expect(result.data?.password).toBe(password);
    });
  });

  it("registers only passwords that the sign-in form then accepts, typed composed or decomposed", () => {
    const candidate = fc.oneof(goodPassword, fc.string({ unit: "binary", minLength: 10, maxLength: 140 }));
    fuzz("makeZNewPassword", fc.tuple(candidate, fc.constantFrom("NFC", "NFD", "as typed") as fc.Arbitrary<"NFC" | "NFD" | "as typed">), ([password, typedAs]) => {
      const registered = makeZNewPassword({}).safeParse({ password, passwordConfirm: password });
      if (!registered.success) return;
      // The hash is of the NFC form (lib/server/auth/password.ts); sign-in must let the same text through.
      const typed = typedAs === "as typed" ? password : password.normalize(typedAs);
      const signIn = zPasswordForSignIn.safeParse(typed);
      expect(signIn.success).toBe(true);
      expect(signIn.data?.normalize("NFC")).toBe(registered.data.password);
    });
  });
});
