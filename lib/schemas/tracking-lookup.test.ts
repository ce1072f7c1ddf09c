import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "./form-state";
import { ZTrackingLookup } from "./tracking-lookup";

/** The messages a person would see beside each field. */
const errors = (input: Record<string, string>) => {
  const parsed = ZTrackingLookup.safeParse(input);
  return parsed.success ? {} : fieldErrorsOf(parsed.error);
};

describe("ZTrackingLookup", () => {
  it("accepts Persian and Arabic digits, spaces and dashes, and yields ASCII digits", () => {
    expect(ZTrackingLookup.parse({ trackingCode: "۱۲۳۴-۵۶۷-۸۹۴", nationalId: "۰۰۱ ۲۳۴ ۵۶۷۹" })).toEqual({
      trackingCode: "1234567894",
      nationalId: "0012345679",
    });
    expect(ZTrackingLookup.parse({ trackingCode: "١٢٣٤ ٥٦٧ ٨٩٤", nationalId: "٠٠١٢٣٤٥٦٧٩" }).trackingCode).toBe("1234567894");
  });

  it("refuses a code whose check digit is wrong, before any look-up", () => {
    expect(errors({ trackingCode: "1234567895", nationalId: "0012345679" })).toEqual({
      trackingCode: "کد رهگیری درست نیست؛ رقم‌ها را دوباره بررسی کنید.",
    });
    expect(errors({ trackingCode: "1234", nationalId: "0012345679" }).trackingCode).toBe("کد رهگیری درست نیست؛ رقم‌ها را دوباره بررسی کنید.");
  });

  it("asks for both fields when they are empty", () => {
    expect(errors({ trackingCode: " ", nationalId: "" })).toEqual({ trackingCode: "کد رهگیری را وارد کنید.", nationalId: "کد ملی را وارد کنید." });
  });
});
