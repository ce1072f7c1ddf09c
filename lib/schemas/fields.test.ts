import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { makeNationalId } from "@/lib/utils/national-id";
import { zBirthDate, zMobile, zNationalId, zOneTimeCode, zOptionalEmail, zPersonName } from "./fields";

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
      { numRuns: 2_000 },
    );
  });
});

describe("zMobile", () => {
  it("accepts Persian digits with spaces", () => {
    expect(zMobile.parse("۰۹۱۲ ۱۲۳ ۴۵۶۷")).toBe("09121234567");
  });
  it.each(["0812345678", "091212345678", "12345"])("rejects %s", (input) => {
    expect(zMobile.safeParse(input).error?.issues[0]?.message).toBe("شماره همراه باید یازده رقم باشد و با ۰۹ شروع شود.");
  });
});

describe("zMobile international forms", () => {
  it.each(["+98 912 123 4567", "00989121234567", "989121234567", "9121234567", "۰۹۱۲-۱۲۳-۴۵۶۷", "+۹۸۹۱۲۱۲۳۴۵۶۷"])(
    "stores %s as 09121234567",
    (input) => {
      expect(zMobile.parse(input)).toBe("09121234567");
    },
  );
});

describe("zPersonName", () => {
  const zName = zPersonName("نام");
  it("folds Arabic letters and spacing", () => {
    expect(zName.parse("  علي   كريمي ")).toBe("علی کریمی");
  });
  it("keeps the zero-width non-joiner", () => {
    expect(zName.parse("حسین‌زاده")).toBe("حسین‌زاده");
  });
  it.each([
    ["", "نام را وارد کنید."],
    ["Ali", "نام را فقط با حروف فارسی بنویسید."],
    ["علی۲", "نام را فقط با حروف فارسی بنویسید."],
    ["ع", "نام باید دست‌کم دو حرف باشد."],
  ])("rejects %j", (input, message) => {
    expect(zName.safeParse(input).error?.issues[0]?.message).toBe(message);
  });
});

describe("zBirthDate", () => {
  it.each(["۱۳۵۴/۰۶/۲۰", "1354/6/20", "١٣٥٤-٠٦-٢٠", " 1354/06/20 "])("reads %s", (input) => {
    expect(zBirthDate.parse(input)).toBe("1354/06/20");
  });
  it.each([
    ["", "تاریخ تولد را وارد کنید."],
    ["1354/13/01", "تاریخ تولد را به شکل سال/ماه/روز بنویسید، مانند ۱۳۶۵/۰۴/۲۸."],
    ["1404/12/30", "تاریخ تولد را به شکل سال/ماه/روز بنویسید، مانند ۱۳۶۵/۰۴/۲۸."],
    ["54/06/20", "سال تولد درست نیست. سال را چهاررقمی بنویسید، مانند ۱۳۶۵."],
    ["1499/01/01", "تاریخ تولد نمی‌تواند بعد از امروز باشد."],
  ])("rejects %j", (input, message) => {
    expect(zBirthDate.safeParse(input).error?.issues[0]?.message).toBe(message);
  });
});

describe("zOptionalEmail and zOneTimeCode", () => {
  it("accepts an empty email and lower-cases a given one", () => {
    expect(zOptionalEmail.parse(" ")).toBe("");
    expect(zOptionalEmail.parse("Ali@Example.COM")).toBe("ali@example.com");
    expect(zOptionalEmail.safeParse("ali@").success).toBe(false);
  });
  it("reads a code typed in Persian digits", () => {
    expect(zOneTimeCode.parse("۱۲۳ ۴۵۶")).toBe("123456");
    expect(zOneTimeCode.safeParse("12345").error?.issues[0]?.message).toBe("کد تأیید شش رقم است.");
  });
});

describe("every field schema", () => {
  it("never throws, whatever is typed", () => {
    const schemas = [zNationalId, zMobile, zPersonName("نام"), zBirthDate, zOptionalEmail, zOneTimeCode];
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.anything()), (input) => {
        for (const schema of schemas) schema.safeParse(input);
      }),
      { numRuns: 2_000 },
    );
  });
});
