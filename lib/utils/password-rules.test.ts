import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  containsPersonalInfo,
  evaluatePassword,
  firstPasswordProblem,
  PASSWORD_PERSONAL_INFO_MESSAGE,
  passwordLength,
  type PasswordPersonalInfo,
} from "./password-rules";

const persianDigits = (s: string) => s.replace(/\d/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[Number(d)]!);
const arabicDigits = (s: string) => s.replace(/\d/g, (d) => "٠١٢٣٤٥٦٧٨٩"[Number(d)]!);

const person: PasswordPersonalInfo = {
  firstName: "علی",
  lastName: "حسین‌زاده",
  fatherName: "آرش",
  nationalId: "0012345679",
  mobile: "09121234567",
};

describe("length rules", () => {
  it("explains how far a short password is from the minimum, in Persian digits", () => {
    expect(firstPasswordProblem("abcdef", {})).toBe("گذرواژه باید دست‌کم ۱۰ نویسه باشد؛ اکنون ۶ نویسه است.");
  });

  it("asks for a password when there is none", () => {
    expect(firstPasswordProblem("", {})).toBe("گذرواژه را وارد کنید.");
  });

  it.each([
    ["nine characters", "a".repeat(9), false],
    ["ten characters", "a".repeat(10), true],
    ["ten Persian letters", "گذرواژه‌ام", true],
    ["128 characters", "a".repeat(128), true],
    ["129 characters", "a".repeat(129), false],
  ])("%s", (_name, password, ok) => {
    expect(firstPasswordProblem(password, {}) === null).toBe(ok);
  });

  it("reports a password that is too long with its length", () => {
    expect(firstPasswordProblem("a".repeat(140), {})).toBe("گذرواژه نمی‌تواند بیش از ۱۲۸ نویسه باشد؛ اکنون ۱۴۰ نویسه است.");
  });

  it("counts an emoji as one character, not two", () => {
    expect(passwordLength("😀".repeat(9))).toBe(9);
    expect(firstPasswordProblem("😀".repeat(9), {})).toBe("گذرواژه باید دست‌کم ۱۰ نویسه باشد؛ اکنون ۹ نویسه است.");
    expect(firstPasswordProblem("😀".repeat(128), {})).toBeNull();
  });

  it("counts a letter typed with a combining accent as one character", () => {
    expect(passwordLength("cafe\u0301")).toBe(4);
  });

  it("has no composition rules: a long phrase of lower-case words is fine", () => {
    expect(firstPasswordProblem("correct horse battery staple", person)).toBeNull();
  });
});

describe("personal information", () => {
  it.each([
    ["the first name", "xyzعلیxyzxyz"],
    ["the first name in Arabic letters", "xyzعليxyzxyz"],
    ["the first name with a vowel mark", "xyzعَلیxyzxyz"],
    ["the first name in presentation forms", "xyz\uFECB\uFEE0\uFBFExyzxyz"],
    ["the first name typed with the keyboard set to English", "ugd1402ugd1402"],
    ["the same, with caps lock on", "UGD1402qwerty"],
    ["the last name without its zero-width non-joiner", "حسینزاده۱۴۰۲"],
    ["the last name with its zero-width non-joiner", "حسین‌زاده۱۴۰۲"],
    ["the last name typed with the keyboard set to English", "psdkchni1402"],
    ["the father's name", "آرش۱۳۶۰۱۳۶۰"],
    ["the father's name without its madda", "ارش۱۳۶۰۱۳۶۰"],
    ["the father's name typed with the keyboard set to English (shift for آ)", "Hva13601360"],
    ["the national ID", "pass0012345679"],
    ["the national ID in Persian digits", `رمز${persianDigits("0012345679")}`],
    ["the national ID in Arabic-Indic digits", `رمز${arabicDigits("0012345679")}`],
    ["the national ID with dashes", "x-001-234567-9-x"],
    ["the mobile with its leading zero", "tel09121234567"],
    ["the mobile without its leading zero", "tel9121234567"],
    ["the mobile with spaces and Persian digits", `tel ${persianDigits("912 123 4567")}`],
  ])("rejects a password containing %s", (_name, password) => {
    expect(firstPasswordProblem(password, person)).toBe(PASSWORD_PERSONAL_INFO_MESSAGE);
    expect(evaluatePassword(password, person).find((r) => r.id === "no-personal-info")?.ok).toBe(false);
  });

  it("recognises details that were themselves stored in other scripts or formats", () => {
    const stored: PasswordPersonalInfo = { firstName: "علي", nationalId: persianDigits("0012345679"), mobile: "+98 912 123 4567" };
    expect(containsPersonalInfo("xxعلیxxxxxxx", stored)).toBe(true);
    expect(containsPersonalInfo("xx0012345679", stored)).toBe(true);
    expect(containsPersonalInfo("xx9121234567", stored)).toBe(true);
  });

  it("checks each part of a name made of several words", () => {
    const stored: PasswordPersonalInfo = { firstName: "محمد رضا" };
    expect(containsPersonalInfo("رضا۱۲۳۴۵۶۷۸", stored)).toBe(true);
    expect(containsPersonalInfo("محمد۱۲۳۴۵۶۷۸", stored)).toBe(true);
  });

  it("ignores name parts shorter than three letters, so short names do not forbid common letter pairs", () => {
    const stored: PasswordPersonalInfo = { firstName: "یو", lastName: "Li" };
    expect(containsPersonalInfo("یوسف‌آباد۱۴۰۲", stored)).toBe(false);
    expect(containsPersonalInfo("reliable-horse", stored)).toBe(false);
  });

  it("still checks a name whose words are all short, as a whole", () => {
    expect(containsPersonalInfo("xxمهسیxxxxxx", { firstName: "مه سی" })).toBe(true);
  });

  it("compares case-insensitively", () => {
    expect(containsPersonalInfo("SARA-loves-cats", { firstName: "Sara" })).toBe(true);
  });

  it("accepts a password unrelated to the person, and ignores details that are missing or empty", () => {
    expect(firstPasswordProblem("باران بهاری در کوه", person)).toBeNull();
    expect(firstPasswordProblem("باران بهاری در کوه", { firstName: "", nationalId: "", mobile: "" })).toBeNull();
    expect(firstPasswordProblem("باران بهاری در کوه", { firstName: null, lastName: undefined })).toBeNull();
  });

  it("does not treat part of the national ID as the whole of it", () => {
    expect(containsPersonalInfo("x12345679xyz", person)).toBe(false);
  });
});

describe("evaluatePassword", () => {
  it("lists the rules in order with Persian labels", () => {
    expect(evaluatePassword("abc", person)).toEqual([
      { id: "length-min", ok: false, label: "دست‌کم ۱۰ نویسه" },
      { id: "length-max", ok: true, label: "حداکثر ۱۲۸ نویسه" },
      { id: "no-personal-info", ok: true, label: "بدون نام، نام خانوادگی، نام پدر، کد ملی یا شماره همراه شما" },
    ]);
  });

  it("agrees with firstPasswordProblem and never throws", () => {
    const personal = fc.record(
      { firstName: fc.string(), lastName: fc.string(), fatherName: fc.string(), nationalId: fc.string(), mobile: fc.string() },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 150 }), personal, (password, info) => {
        const allOk = evaluatePassword(password, info).every((r) => r.ok);
        expect(firstPasswordProblem(password, info) === null).toBe(allOk && password !== "");
      }),
      { numRuns: 2_000 },
    );
  });
});
