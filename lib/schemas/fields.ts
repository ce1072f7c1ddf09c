// Field schemas shared by forms and actions. Every field accepts Persian, Arabic
// and ASCII digits with spaces and dashes, and yields the normalised value.
import { z } from "zod";
import { normalizeDigitsInput } from "@/lib/utils/digits";
import { isValidNationalId } from "@/lib/utils/national-id";

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

export const zMobile = z.preprocess(
  (value) => normalizeDigitsInput(asString(value)),
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

/** A password being typed to sign in: only presence and an upper bound are checked here. */
export const zPasswordForSignIn = z
  .preprocess(asString, z.string().min(1, "گذرواژه را وارد کنید.").max(128, "گذرواژه نمی‌تواند بیش از ۱۲۸ نویسه باشد."));
