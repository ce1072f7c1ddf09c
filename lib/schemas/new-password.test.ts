import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isCommonPassword } from "@/lib/server/auth/common-passwords";
import { makeNationalId } from "@/lib/utils/national-id";
import { evaluatePassword, type PasswordPersonalInfo } from "@/lib/utils/password-rules";
import { makeZNewPassword } from "./new-password";

const person: PasswordPersonalInfo = {
  firstName: "مریم",
  lastName: "کاظمی",
  fatherName: "حسن",
  nationalId: makeNationalId("001234567"),
  mobile: "09121234567",
};
const serverSchema = makeZNewPassword(person, { isCommon: isCommonPassword });
const browserSchema = makeZNewPassword(person);

function messages(input: unknown, schema = serverSchema) {
  const result = schema.safeParse(input);
  return Object.fromEntries((result.error?.issues ?? []).map((issue) => [String(issue.path[0]), issue.message]));
}

describe("makeZNewPassword", () => {
  it("accepts a good password and returns it as typed", () => {
    const password = "  باران بهاری در کوه ";
    expect(serverSchema.parse({ password, passwordConfirm: password })).toEqual({ password, passwordConfirm: password });
  });

  it("returns the password in NFC, so the same text typed on different systems hashes the same", () => {
    const decomposed = "cafe\u0301 au lait, s'il vous plait";
    const result = serverSchema.parse({ password: decomposed, passwordConfirm: decomposed.normalize("NFC") });
    expect(result.password).toBe(decomposed.normalize("NFC"));
  });

  it("asks for the password when it is missing, and only for it", () => {
    expect(messages({})).toEqual({ password: "گذرواژه را وارد کنید." });
    expect(messages({ password: "", passwordConfirm: "something" })).toEqual({ password: "گذرواژه را وارد کنید." });
  });

  it("explains a short password with its length", () => {
    expect(messages({ password: "abcdef", passwordConfirm: "abcdef" })).toEqual({
      password: "گذرواژه باید دست‌کم ۱۰ نویسه باشد؛ اکنون ۶ نویسه است.",
    });
  });

  it.each([
    ["the national ID", `kazemi-${person.nationalId}`],
    ["the first name", "مریم بهار ۱۴۰۲"],
    ["the first name typed with the keyboard set to English", "lvdl1402!!!"],
    ["the mobile", "call me on 9121234567"],
  ])("rejects a password containing %s", (_name, password) => {
    expect(messages({ password, passwordConfirm: password })).toEqual({
      password: "گذرواژه نباید نام، نام خانوادگی، نام پدر، کد ملی یا شماره همراه شما را در خود داشته باشد.",
    });
  });

  it("rejects a common password on the server, ignoring case and surrounding spaces", () => {
    for (const password of ["qwertyuiop", " qwertyuiop ", "PASSWORD123"]) {
      expect(messages({ password, passwordConfirm: password })).toEqual({
        password: "این گذرواژه بسیار رایج است و به‌راحتی حدس زده می‌شود. گذرواژه دیگری انتخاب کنید.",
      });
    }
  });

  it("leaves the common-password check to the server when used in the browser", () => {
    expect(browserSchema.safeParse({ password: "qwertyuiop", passwordConfirm: "qwertyuiop" }).success).toBe(true);
  });

  it("reports a confirmation that is missing or different", () => {
    expect(messages({ password: "باران بهاری در کوه", passwordConfirm: "" })).toEqual({ passwordConfirm: "تکرار گذرواژه را وارد کنید." });
    expect(messages({ password: "باران بهاری در کوه", passwordConfirm: "باران بهاری در کوه." })).toEqual({
      passwordConfirm: "تکرار گذرواژه با گذرواژه یکسان نیست.",
    });
  });

  it("does not trim: a trailing space is part of the password", () => {
    expect(messages({ password: "باران بهاری در کوه ", passwordConfirm: "باران بهاری در کوه" })).toEqual({
      passwordConfirm: "تکرار گذرواژه با گذرواژه یکسان نیست.",
    });
  });

  it("reports the password and the confirmation together, so one round trip shows both", () => {
    expect(messages({ password: "short", passwordConfirm: "shirt" })).toEqual({
      password: "گذرواژه باید دست‌کم ۱۰ نویسه باشد؛ اکنون ۵ نویسه است.",
      passwordConfirm: "تکرار گذرواژه با گذرواژه یکسان نیست.",
    });
  });
});

describe("makeZNewPassword properties", () => {
  const anyPersonal = fc.record(
    {
      firstName: fc.string({ maxLength: 12 }),
      lastName: fc.string({ maxLength: 12 }),
      fatherName: fc.string({ maxLength: 12 }),
      nationalId: fc.string({ maxLength: 12 }),
      mobile: fc.string({ maxLength: 14 }),
    },
    { requiredKeys: [] },
  );
  const passwordLike = fc.oneof(
    fc.string({ unit: "binary", maxLength: 140 }),
    fc.string({ unit: "grapheme", minLength: 8, maxLength: 20 }),
    fc.stringMatching(/^[a-z0-9آ-ی ‌]{9,14}$/),
  );

  it("never throws, whatever it is given", () => {
    fc.assert(
      fc.property(fc.anything(), anyPersonal, (input, personal) => {
        makeZNewPassword(personal, { isCommon: isCommonPassword }).safeParse(input);
      }),
      { numRuns: 2_000 },
    );
  });

  it("accepts exactly the passwords that meet every rule, are not common and match their confirmation", () => {
    fc.assert(
      fc.property(passwordLike, fc.boolean(), anyPersonal, (password, sameConfirm, personal) => {
        const input = { password, passwordConfirm: sameConfirm ? password : `${password}x` };
        const result = makeZNewPassword(personal, { isCommon: isCommonPassword }).safeParse(input);
        const meetsEveryRule =
          password !== "" && evaluatePassword(password, personal).every((rule) => rule.ok) && !isCommonPassword(password);
        expect(result.success).toBe(meetsEveryRule && sameConfirm);
        if (result.success) expect(result.data.passwordConfirm).toBe(result.data.password);
      }),
      { numRuns: 2_000 },
    );
  });

  it("never accepts a password containing the national ID, in any digits or with separators", () => {
    const nationalId = fc
      .stringMatching(/^\d{9}$/)
      .filter((first9) => !/^(\d)\1{8}$/.test(first9))
      .map(makeNationalId);
    const script = fc.constantFrom("0123456789", "۰۱۲۳۴۵۶۷۸۹", "٠١٢٣٤٥٦٧٨٩");
    const separator = fc.constantFrom("", "", " ", "-", "\u200c", "\u00a0");
    fc.assert(
      fc.property(nationalId, script, separator, fc.string({ maxLength: 60 }), fc.string({ maxLength: 60 }), (id, digits, sep, before, after) => {
        const written = Array.from(id, (d) => digits[Number(d)]!).join(sep);
        const password = `${before}${written}${after}`;
        const result = makeZNewPassword({ nationalId: id }).safeParse({ password, passwordConfirm: password });
        expect(result.success).toBe(false);
      }),
      { numRuns: 2_000 },
    );
  });
});
