// Schemas of the holiday forms. They belong with the other shared schemas in
// lib/schemas/; they live beside the route only because this change was limited
// to these folders.
import { z } from "zod";
import { normalizeText, toAsciiDigits, toPersianDigits } from "@/lib/utils/digits";
import { formatJalaliDate, parseJalaliDate } from "@/lib/utils/jalali";
import { isSafeText, UNSAFE_TEXT_MESSAGE } from "@/lib/schemas/safe-text";

const asString = (value: unknown) => (typeof value === "string" ? value : "");

export const HOLIDAY_TITLE_MAX = 200;

export const ZHolidayForm = z.object({
  jalaliDate: z.preprocess(
    (value) => toAsciiDigits(asString(value)).replace(/[\s\u200c-\u200f]/g, ""),
    z
      .string()
      .min(1, "تاریخ تعطیلی را وارد کنید.")
      .transform((raw, ctx) => {
        const date = parseJalaliDate(raw);
        if (!date) {
          ctx.addIssue({ code: "custom", message: "تاریخ را به شکل سال/ماه/روز بنویسید، مانند ۱۴۰۵/۰۷/۰۷." });
          return z.NEVER;
        }
        if (date.jy < 1300 || date.jy > 1600) {
          ctx.addIssue({ code: "custom", message: "سال تاریخ درست نیست. سال را چهاررقمی بنویسید، مانند ۱۴۰۵." });
          return z.NEVER;
        }
        return formatJalaliDate(date);
      }),
  ),
  title: z.preprocess(
    (value) => normalizeText(asString(value)),
    z
      .string()
      .refine(isSafeText, UNSAFE_TEXT_MESSAGE)
      .min(1, "عنوان تعطیلی را وارد کنید.")
      .max(HOLIDAY_TITLE_MAX, `عنوان تعطیلی نمی‌تواند بیش از ${toPersianDigits(HOLIDAY_TITLE_MAX)} نویسه باشد.`),
  ),
});
export type THolidayForm = z.infer<typeof ZHolidayForm>;
export const HOLIDAY_FIELDS = ["jalaliDate", "title"] as const;
export type HolidayField = (typeof HOLIDAY_FIELDS)[number];

export const ZWeekendDaysForm = z.object({
  weekendDays: z
    .array(z.string().regex(/^[0-6]$/, "روز هفته درست نیست.").transform(Number))
    .min(1, "دست‌کم یک روز تعطیل هفتگی را انتخاب کنید.")
    .refine((days) => new Set(days).size < 7, "همه روزهای هفته نمی‌توانند تعطیل باشند."),
});

/** A Jalali year from a query string, or null. */
export function parseYear(raw: string | string[] | undefined): number | null {
  if (typeof raw !== "string") return null;
  const ascii = toAsciiDigits(raw.trim());
  if (!/^\d{4}$/.test(ascii)) return null;
  const year = Number(ascii);
  return year >= 1300 && year <= 1600 ? year : null;
}
