import { describe, expect, it } from "vitest";
import { keptNotice } from "./dependent-form-state";

describe("keptNotice (after one refused file among several)", () => {
  it("names the documents kept and those to choose again", () => {
    expect(keptNotice(["BIRTH_CERTIFICATE"], ["NATIONAL_CARD"])).toBe(
      "فایل «صفحات شناسنامه» دریافت و نگه داشته شد؛ لازم نیست دوباره انتخاب شود. " +
        "فایل «کارت ملی فرد تحت تکفل» ایرادی نداشت اما نگه داشته نشد؛ آن را همراه فایل‌هایی که خطا دارند دوباره انتخاب کنید.",
    );
  });

  it("says nothing when nothing else was chosen", () => {
    expect(keptNotice([], [])).toBeNull();
  });
});
