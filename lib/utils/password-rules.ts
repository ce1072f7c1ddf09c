// Rules for a new password, shared by the live checklist in the browser and the
// server-side schema. Pure and dependency-light on purpose: the common-password
// list is checked on the server only (lib/server/auth/common-passwords.ts).
//
// The password itself is never normalised for storage beyond NFC; the folding
// below exists only to compare it with the person's own details, which arrive
// in several encodings (Persian/Arabic letters and digits, separators).
import { foldArabicLetters, normalizeDigitsInput, toAsciiDigits, toPersianDigits } from "@/lib/utils/digits";

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

/** Details of the person that their password must not contain. Any of them may be unknown. */
export type PasswordPersonalInfo = {
  firstName?: string | null;
  lastName?: string | null;
  fatherName?: string | null;
  nationalId?: string | null;
  mobile?: string | null;
};

export type PasswordRuleId = "length-min" | "length-max" | "no-personal-info";

export type PasswordRuleResult = { id: PasswordRuleId; ok: boolean; label: string };

export const PASSWORD_RULE_LABELS: Readonly<Record<PasswordRuleId, string>> = {
  "length-min": `دست‌کم ${toPersianDigits(PASSWORD_MIN_LENGTH)} نویسه`,
  "length-max": `حداکثر ${toPersianDigits(PASSWORD_MAX_LENGTH)} نویسه`,
  "no-personal-info": "بدون نام، نام خانوادگی، نام پدر، کد ملی یا شماره همراه شما",
};

export const PASSWORD_MISSING_MESSAGE = "گذرواژه را وارد کنید.";
export const PASSWORD_PERSONAL_INFO_MESSAGE =
  "گذرواژه نباید نام، نام خانوادگی، نام پدر، کد ملی یا شماره همراه شما را در خود داشته باشد.";

/** Name parts and numbers shorter than this are ignored: a two-letter name would forbid half the alphabet. */
const MIN_PERSONAL_PART_LENGTH = 3;

/** Length as a person counts it: code points of the NFC form (an emoji is one, not two UTF-16 units). */
export function passwordLength(password: string): number {
  return Array.from(password.normalize("NFC")).length;
}

// ---------------------------------------------------------------------------
// Comparison form

// Harakat, tanwin, shadda, sukun, hamza/madda marks and the superscript alef:
// optional in Persian writing, so «علی» and «عَلی» are the same name.
const ARABIC_MARKS = /[\u064B-\u065F\u0670]/g;
// Letters written interchangeably in names. NFKD has already split آ/أ/إ/ؤ/ئ
// into a base letter plus a mark; these have no decomposition of their own.
const LETTER_VARIANTS: Readonly<Record<string, string>> = {
  "\u0671": "\u0627", // ٱ alef wasla → ا
  "\u0629": "\u0647", // ة teh marbuta → ه
  "\u06C0": "\u0647", // ۀ heh with yeh above → ه
  "\u06D5": "\u0647", // ە ae (what NFKD leaves of ۀ) → ه
  "\u06C1": "\u0647", // ہ heh goal → ه
};
const LETTER_VARIANT_PATTERN = /[\u0671\u0629\u06C0\u06D5\u06C1]/g;
// ZWNJ, ZWJ, bidi marks and controls, soft hyphen, BOM: invisible, and ZWNJ in
// particular joins the parts of one word (حسین‌زاده), so it is removed, not split on.
const FORMAT_CHARACTERS = /\p{Cf}/gu;

/**
 * Folds text for "does the password contain X" checks: compatibility forms
 * (Arabic presentation forms, full-width letters) to plain letters, Arabic to
 * Persian letters, marks and invisible characters removed, ASCII digits, lower case.
 */
function foldForComparison(s: string): string {
  const decomposed = s.normalize("NFKD").replace(ARABIC_MARKS, "");
  const folded = foldArabicLetters(decomposed).replace(LETTER_VARIANT_PATTERN, (c) => LETTER_VARIANTS[c] ?? c);
  return toAsciiDigits(folded.normalize("NFC")).replace(FORMAT_CHARACTERS, "").toLowerCase();
}

// ---------------------------------------------------------------------------
// Names typed with the keyboard set to English

// ISIRI 9147 (the standard Persian layout): which QWERTY key produces each letter.
// Shifted keys are given in upper case; comparisons are case-insensitive anyway.
const ISIRI_9147_KEYS: Readonly<Record<string, string>> = {
  "\u0636": "q", // ض
  "\u0635": "w", // ص
  "\u062B": "e", // ث
  "\u0642": "r", // ق
  "\u0641": "t", // ف
  "\u063A": "y", // غ
  "\u0639": "u", // ع
  "\u0647": "i", // ه
  "\u062E": "o", // خ
  "\u062D": "p", // ح
  "\u062C": "[", // ج
  "\u0686": "]", // چ
  "\u0634": "a", // ش
  "\u0633": "s", // س
  "\u06CC": "d", // ی
  "\u0628": "f", // ب
  "\u0644": "g", // ل
  "\u0627": "h", // ا
  "\u062A": "j", // ت
  "\u0646": "k", // ن
  "\u0645": "l", // م
  "\u06A9": ";", // ک
  "\u06AF": "'", // گ
  "\u0638": "z", // ظ
  "\u0637": "x", // ط
  "\u0632": "c", // ز
  "\u0631": "v", // ر
  "\u0630": "b", // ذ
  "\u062F": "n", // د
  "\u067E": "m", // پ
  "\u0648": ",", // و
  "\u0624": "A", // ؤ
  "\u0626": "S", // ئ
  "\u064A": "D", // ي
  "\u0625": "F", // إ
  "\u0623": "G", // أ
  "\u0622": "H", // آ
  "\u0629": "J", // ة
  "\u0643": "Z", // ك
  "\u0698": "C", // ژ
  "\u0621": "M", // ء
};

/**
 * What a name looks like when typed with the Persian layout in mind but the
 * keyboard set to English («علی» → "ugd"). Characters with no key (Latin
 * letters, digits) are kept, so a Latin name maps to itself.
 */
function typedOnEnglishKeyboard(namePart: string): string {
  // NFC keeps آ, ئ and the like whole: each is one key on the layout.
  const letters = foldArabicLetters(namePart.normalize("NFC")).replace(ARABIC_MARKS, "").replace(FORMAT_CHARACTERS, "");
  return Array.from(letters, (c) => ISIRI_9147_KEYS[c] ?? c)
    .join("")
    .toLowerCase();
}

// ---------------------------------------------------------------------------
// Personal details

const NAME_SEPARATORS = /[^\p{L}\p{M}\p{N}\p{Cf}]+/u;
const IRAN_MOBILE = /^(?:\+?98|0098|0)?(9\d{9})$/;

const isLongEnough = (s: string) => Array.from(s).length >= MIN_PERSONAL_PART_LENGTH;

function nameNeedles(name: string): string[] {
  const rawParts = name.split(NAME_SEPARATORS).filter((p) => foldForComparison(p) !== "");
  // The whole name with its spaces removed, for names made only of short parts.
  const candidates = rawParts.length > 1 ? [...rawParts, rawParts.join("")] : rawParts;
  return candidates.flatMap((part) => [foldForComparison(part), typedOnEnglishKeyboard(part)]).filter(isLongEnough);
}

function mobileNeedle(mobile: string): string {
  const digits = normalizeDigitsInput(mobile);
  // 09121234567, +989121234567 and 9121234567 all contain the ten-digit form.
  return IRAN_MOBILE.exec(digits)?.[1] ?? digits;
}

/** Whether the password contains any of the person's details, in any of the forms described above. */
export function containsPersonalInfo(password: string, personal: PasswordPersonalInfo): boolean {
  const folded = foldForComparison(password);
  // Numbers are also looked for with spaces and dashes removed: "0012-345678-9".
  const digitsOnlySeparators = normalizeDigitsInput(folded);

  const names = [personal.firstName, personal.lastName, personal.fatherName].flatMap((n) => (n ? nameNeedles(n) : []));
  if (names.some((needle) => folded.includes(needle))) return true;

  const numbers = [personal.nationalId ? normalizeDigitsInput(personal.nationalId) : "", personal.mobile ? mobileNeedle(personal.mobile) : ""]
    .map(foldForComparison)
    .filter(isLongEnough);
  return numbers.some((needle) => digitsOnlySeparators.includes(needle));
}

// ---------------------------------------------------------------------------
// Rules

/** Every rule with whether the password meets it, in display order. */
export function evaluatePassword(password: string, personal: PasswordPersonalInfo = {}): PasswordRuleResult[] {
  const length = passwordLength(password);
  const results: [PasswordRuleId, boolean][] = [
    ["length-min", length >= PASSWORD_MIN_LENGTH],
    ["length-max", length <= PASSWORD_MAX_LENGTH],
    ["no-personal-info", !containsPersonalInfo(password, personal)],
  ];
  return results.map(([id, ok]) => ({ id, ok, label: PASSWORD_RULE_LABELS[id] }));
}

/**
 * The first thing to fix, as a Persian sentence for the error summary and the
 * field, or null when the password meets every rule. Commonness is not checked
 * here (the list lives on the server).
 */
export function firstPasswordProblem(password: string, personal: PasswordPersonalInfo = {}): string | null {
  if (password === "") return PASSWORD_MISSING_MESSAGE;
  const length = passwordLength(password);
  if (length < PASSWORD_MIN_LENGTH) {
    return `گذرواژه باید دست‌کم ${toPersianDigits(PASSWORD_MIN_LENGTH)} نویسه باشد؛ اکنون ${toPersianDigits(length)} نویسه است.`;
  }
  if (length > PASSWORD_MAX_LENGTH) {
    return `گذرواژه نمی‌تواند بیش از ${toPersianDigits(PASSWORD_MAX_LENGTH)} نویسه باشد؛ اکنون ${toPersianDigits(length)} نویسه است.`;
  }
  if (containsPersonalInfo(password, personal)) return PASSWORD_PERSONAL_INFO_MESSAGE;
  return null;
}
