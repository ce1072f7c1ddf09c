import { describe, expect, it } from "vitest";
import { officerReminderSms } from "./remind-officers";

describe("officerReminderSms", () => {
  it("lists up to five tracking codes and counts the rest", () => {
    expect(officerReminderSms(["1234567890"])).toBe("یادآوری: موعد پاسخ ۱ درخواستی که در دست شماست روز کاری بعد است: ۱۲۳۴-۵۶۷-۸۹۰.");
    const seven = Array.from({ length: 7 }, (_, i) => `100000000${i}`);
    const text = officerReminderSms(seven);
    expect(text).toContain("موعد پاسخ ۷ درخواستی");
    expect(text).toContain("۱۰۰۰-۰۰۰-۰۰۴ و ۲ درخواست دیگر.");
    expect(text).not.toContain("۱۰۰۰-۰۰۰-۰۰۵");
  });
});
