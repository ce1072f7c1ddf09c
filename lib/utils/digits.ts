// Text and digit normalisation for Persian input.
//
// Users type on Persian, Arabic and Latin keyboards and paste from SMS, PDFs
// and other sites, so the same national ID or name can arrive in several
// encodings. Everything that is compared or stored goes through one of these
// functions first; the stored form is always ASCII digits and Persian ی/ک.

const PERSIAN_ZERO = 0x06f0;
const ARABIC_INDIC_ZERO = 0x0660;

const NON_ASCII_DIGIT = /[\u06F0-\u06F9\u0660-\u0669]/g;

/** Persian (۰-۹) and Arabic-Indic (٠-٩) digits to ASCII 0-9; everything else is left as is. */
export function toAsciiDigits(s: string): string {
  return s.replace(NON_ASCII_DIGIT, (d) => {
    const code = d.charCodeAt(0);
    const zero = code >= PERSIAN_ZERO ? PERSIAN_ZERO : ARABIC_INDIC_ZERO;
    return String.fromCharCode(0x30 + code - zero);
  });
}

const PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹";

/**
 * ASCII digits to Persian digits, for display only (never store the result).
 * A loop rather than `replace` with a callback: every date, code and count on a
 * page passes through here, and the loop takes a third of the time.
 */
export function toPersianDigits(value: string | number): string {
  const s = String(value);
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const digit = s.charCodeAt(i) - 0x30;
    out += digit >= 0 && digit <= 9 ? PERSIAN_DIGITS[digit] : s[i];
  }
  return out;
}

// Arabic keyboards and older systems produce Arabic yeh/kaf; they look almost
// identical to the Persian letters but compare unequal, so a name typed on one
// keyboard would not match the same name stored from another.
const ARABIC_LETTER_FOLDS: Readonly<Record<string, string>> = {
  "\u064A": "\u06CC", // ي Arabic yeh
  "\u0649": "\u06CC", // ى alef maksura
  "\u0643": "\u06A9", // ك Arabic kaf
  "\u0640": "", // tatweel: purely typographic stretching
};
const ARABIC_LETTERS = /[\u064A\u0649\u0643\u0640]/g;

/**
 * ي/ى → ی and ك → ک, and drop tatweel. ZWNJ is kept on purpose: in Persian it
 * separates word parts (می‌روم, حسین‌زاده) and removing it changes the spelling.
 */
export function foldArabicLetters(s: string): string {
  return s.replace(ARABIC_LETTERS, (c) => ARABIC_LETTER_FOLDS[c] ?? c);
}

// Characters that people (or their copy/paste) put between digit groups:
// - every Unicode space (\s covers NBSP, thin/narrow spaces, BOM, line breaks);
// - hyphens and dashes, including the minus sign U+2212 that some fonts produce;
// - invisible joiners and bidi controls that RTL editors insert around numbers.
const DIGIT_INPUT_NOISE =
  /[\s\u200B\u2060-\u2064\-\u2010-\u2015\u2212\uFE58\uFE63\uFF0D\u200C\u200D\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/gu;

/**
 * Canonical form of a typed number (national ID, mobile, insurance number, OTP):
 * ASCII digits with separators and invisible characters removed. It does not
 * validate; callers check the result against their own pattern.
 */
export function normalizeDigitsInput(s: string): string {
  return toAsciiDigits(s).replace(DIGIT_INPUT_NOISE, "");
}

const WHITESPACE_RUN = /\s+/gu;

/**
 * Canonical form of text that is compared or looked up (names, titles): NFC,
 * Persian letters, ASCII digits, single spaces, trimmed. ZWNJ survives (see
 * foldArabicLetters).
 */
export function normalizeText(s: string): string {
  return toAsciiDigits(normalizeWrittenText(s));
}

/**
 * What a person wrote in their own words (a question's subject, its text): the
 * same as normalizeText but the digits stay as they were typed, Persian or Latin,
 * because the text is shown back to them and to staff as written.
 */
export function normalizeWrittenText(s: string): string {
  // NFC runs again after folding because removing a tatweel can bring a base
  // letter next to a combining mark that NFC then composes (ا + ـ + ٓ → آ);
  // without it the function would not be idempotent.
  return foldArabicLetters(s.normalize("NFC")).normalize("NFC").replace(WHITESPACE_RUN, " ").trim();
}
