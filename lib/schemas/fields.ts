// Field schemas shared by forms and actions. Every field accepts Persian, Arabic
// and ASCII digits with spaces and dashes, and yields the normalised value.
import { z } from "zod";
import { normalizeDigitsInput } from "@/lib/utils/digits";
import { isValidNationalId } from "@/lib/utils/national-id";
import { compareJalali, formatJalaliDate, parseJalaliDate, todayJalali } from "@/lib/utils/jalali";
import { normalizeText, toAsciiDigits } from "@/lib/utils/digits";

const asString = (value: unknown) => (typeof value === "string" ? value : "");

export const zNationalId = z.preprocess(
  (value) => normalizeDigitsInput(asString(value)),
  z
    .string()
    .min(1, "کد ملی را وارد کنید.")
    .regex(/^\d+$/, "کد ملی فقط شامل رقم است.")
    .length(10, "کد ملی باید ده رقم باشد.")
    .refine(isValidNationalId, "کد ملی معتبر نیست. رقم‌ها را دوباره بررسی کنید."),
);

/** +98 912..., 0098 912..., 98 912..., 912... and 0912... all become 0912... */
export function normalizeMobile(raw: string): string {
  const digits = normalizeDigitsInput(raw).replace(/^\+/, "");
  if (/^0098\d{10}$/.test(digits)) return `0${digits.slice(4)}`;
  if (/^98\d{10}$/.test(digits)) return `0${digits.slice(2)}`;
  if (/^9\d{9}$/.test(digits)) return `0${digits}`;
  return digits;
}

export const zMobile = z.preprocess(
  (value) => normalizeMobile(asString(value)),
  z
    .string()
    .min(1, "شماره همراه را وارد کنید.")
    .regex(/^\d+$/, "شماره همراه فقط شامل رقم است.")
    .regex(/^09\d{9}$/, "شماره همراه باید یازده رقم باشد و با ۰۹ شروع شود."),
);

export const zPersonnelCode = z.preprocess(
  (value) => normalizeDigitsInput(asString(value)),
  z.string().min(1, "کد پرسنلی را وارد کنید.").regex(/^\d{6,10}$/, "کد پرسنلی باید شش تا ده رقم باشد."),
);

/**
 * A password being typed to sign in: only presence and an upper bound are checked here.
 * In NFC, as it is hashed and as makeZNewPassword counts its length: a password typed
 * decomposed has more code points, and must not exceed the bound its registration met.
 */
export const zPasswordForSignIn = z
  .preprocess((value) => asString(value).normalize("NFC"), z.string().min(1, "گذرواژه را وارد کنید.").max(128, "گذرواژه نمی‌تواند بیش از ۱۲۸ نویسه باشد."));

/** A Persian name as on the birth certificate: letters, spaces and the zero-width non-joiner. */
export const zPersonName = (label: string) =>
  z.preprocess(
    // A zero-width non-joiner at either end joins nothing: dropped, so the name compares equal to the registry's.
    (value) => normalizeText(asString(value)).replace(/^[\u200C ]+|[\u200C ]+$/gu, ""),
    z
      .string()
      .min(1, `${label} را وارد کنید.`)
      .max(40, `${label} نمی‌تواند بیش از ۴۰ نویسه باشد.`)
      // Persian letters, with ۀ (U+06C0) and the hamza above (U+0654) that some registry names carry.
      .regex(/^[\u0621-\u063A\u0641-\u064A\u0654\u067E\u0686\u0698\u06A9\u06AF\u06C0\u06CC\u0622\u200C ]+$/u, `${label} را فقط با حروف فارسی بنویسید.`)
      // Letters, not characters: spaces, ZWNJ and a hamza mark alone are not a name.
      .refine((name) => name.replace(/[ \u200C\u0654]/g, "").length >= 2, `${label} باید دست‌کم دو حرف باشد.`),
  );

/** A Jalali date typed as ۱۳۶۵/۰۴/۲۸ (or with dashes, or ASCII/Arabic digits); stored as YYYY/MM/DD. */
export const zBirthDate = z.preprocess(
  (value) => toAsciiDigits(asString(value)).replace(/[\s\u200c-\u200f]/g, ""),
  z
    .string()
    .min(1, "تاریخ تولد را وارد کنید.")
    .transform((raw, ctx) => {
      if (/^\d{1,3}[/-]\d/.test(raw)) {
        ctx.addIssue({ code: "custom", message: "سال تولد درست نیست. سال را چهاررقمی بنویسید، مانند ۱۳۶۵." });
        return z.NEVER;
      }
      const date = parseJalaliDate(raw);
      if (!date) {
        ctx.addIssue({ code: "custom", message: "تاریخ تولد را به شکل سال/ماه/روز بنویسید، مانند ۱۳۶۵/۰۴/۲۸." });
        return z.NEVER;
      }
      const today = todayJalali();
      if (compareJalali(date, today) > 0) {
        ctx.addIssue({ code: "custom", message: "تاریخ تولد نمی‌تواند بعد از امروز باشد." });
        return z.NEVER;
      }
      if (today.jy - date.jy > 130) {
        ctx.addIssue({ code: "custom", message: "سال تولد درست نیست. سال را چهاررقمی بنویسید، مانند ۱۳۶۵." });
        return z.NEVER;
      }
      return formatJalaliDate(date);
    }),
);

export const zOptionalEmail = z.preprocess(
  (value) => asString(value).trim().toLowerCase(),
  z.union([z.literal(""), z.email("پست الکترونیک درست نیست. نمونه درست: name@example.com")]),
);

export const zOneTimeCode = z.preprocess(
  (value) => normalizeDigitsInput(asString(value)),
  z.string().min(1, "کد تأیید را وارد کنید.").regex(/^\d{6}$/, "کد تأیید شش رقم است."),
);
