import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { makeNationalId } from "@/lib/utils/national-id";
import { zMobile, zNationalId } from "./fields";

const persian = (s: string) => s.replace(/\d/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[Number(d)]!);
const arabic = (s: string) => s.replace(/\d/g, (d) => "٠١٢٣٤٥٦٧٨٩"[Number(d)]!);

describe("zNationalId", () => {
  const valid = makeNationalId("001234567");

  it.each([valid, persian(valid), arabic(valid), `${valid.slice(0, 3)}-${valid.slice(3, 9)}-${valid[9]}`, ` ${valid} `])(
    "accepts %s and stores ASCII digits",
    (input) => {
      expect(zNationalId.parse(input)).toBe(valid);
    },
  );

  it.each([
    ["", "کد ملی را وارد کنید."],
    ["12345", "کد ملی باید ده رقم باشد."],
    ["12345abcde", "کد ملی فقط شامل رقم است."],
    ["1111111111", "کد ملی معتبر نیست. رقم‌ها را دوباره بررسی کنید."],
    [valid.slice(0, 9) + String((Number(valid[9]) + 1) % 10), "کد ملی معتبر نیست. رقم‌ها را دوباره بررسی کنید."],
  ])("rejects %j with a Persian message", (input, message) => {
    const result = zNationalId.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(message);
  });

  it("never throws and never accepts anything but a valid ten-digit code", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[0-9۰-۹٠-٩ -]{8,14}$/)), (input) => {
        const result = zNationalId.safeParse(input);
        if (result.success) expect(result.data).toMatch(/^\d{10}$/);
      }),
      { numRuns: 10_000 },
    );
  });
});

describe("zMobile", () => {
  it("accepts Persian digits with spaces", () => {
    expect(zMobile.parse("۰۹۱۲ ۱۲۳ ۴۵۶۷")).toBe("09121234567");
  });
  it.each(["9121234567", "0812345678", "091212345678"])("rejects %s", (input) => {
    expect(zMobile.safeParse(input).error?.issues[0]?.message).toBe("شماره همراه باید یازده رقم باشد و با ۰۹ شروع شود.");
  });
});
