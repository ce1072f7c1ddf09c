// Property-based fuzzing of schemas and normalisers (the *.fuzz.test.ts files).
//
// Every property runs FUZZ_RUNS cases; `fuzz` records how many ran for each
// subject (a schema or function) and `printFuzzSummary` prints the figures when
// the file ends. Each case also checks that Object.prototype was not polluted.
// The oracles below are written independently of the code under test, so a
// test fails when a schema becomes too lax or too strict, not only when it throws.
import fc from "fast-check";
import { toGregorian, toJalaali } from "jalaali-js";
import { afterAll, vi } from "vitest";

export const FUZZ_RUNS = 10_000;
/** Per test: a property of 10,000 cases takes a few seconds, more on a busy two-core runner. */
export const FUZZ_TIMEOUT_MS = 60_000;

type Tally = { properties: number; cases: number };
const tally = new Map<string, Tally>();

const POLLUTION_MARKER = "polluted";
const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).length;

function assertNotPolluted() {
  if (POLLUTION_MARKER in Object.prototype || Object.getOwnPropertyNames(Object.prototype).length !== prototypeKeys) {
    throw new Error("Object.prototype was polluted");
  }
}

function record<Ts>(subject: string, details: fc.RunDetails<Ts>) {
  const entry = tally.get(subject) ?? { properties: 0, cases: 0 };
  entry.properties += 1;
  entry.cases += details.numRuns;
  tally.set(subject, entry);
  if (details.failed) throw new Error(`${subject}: ${fc.defaultReportMessage(details) ?? "property failed"}`);
  if (details.numRuns < FUZZ_RUNS) throw new Error(`${subject}: only ${details.numRuns} of ${FUZZ_RUNS} cases ran`);
}

/** Checks `predicate` (which throws or returns false on failure) on FUZZ_RUNS values of `arbitrary`. */
export function fuzz<T>(subject: string, arbitrary: fc.Arbitrary<T>, predicate: (value: T) => boolean | void): void {
  const property = fc.property(arbitrary, (value) => {
    const ok = predicate(value);
    assertNotPolluted();
    return ok;
  });
  record(subject, fc.check(property, { numRuns: FUZZ_RUNS }));
}

/** `fuzz` for asynchronous code. */
export async function fuzzAsync<T>(subject: string, arbitrary: fc.Arbitrary<T>, predicate: (value: T) => Promise<boolean | void>): Promise<void> {
  const property = fc.asyncProperty(arbitrary, async (value) => {
    const ok = await predicate(value);
    assertNotPolluted();
    return ok;
  });
  record(subject, await fc.check(property, { numRuns: FUZZ_RUNS }));
}

/** Call once at the top of a fuzz file: sets the timeout and prints the figures when the file ends. */
export function fuzzFile(file: string): void {
  vi.setConfig({ testTimeout: FUZZ_TIMEOUT_MS });
  afterAll(() => printFuzzSummary(file));
}

/** One line per subject (`fuzzed <subject>: <n> cases`) and a total for the file. */
export function printFuzzSummary(file: string): void {
  let cases = 0;
  for (const [subject, entry] of tally) {
    console.log(`fuzzed ${subject}: ${entry.cases} cases (${entry.properties} ${entry.properties === 1 ? "property" : "properties"})`);
    cases += entry.cases;
  }
  console.log(`fuzz total ${file}: ${tally.size} schemas/normalisers, ${cases} cases`);
  tally.clear();
}

// ---------------------------------------------------------------------------
// Independent oracles

export const PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹";
export const ARABIC_DIGITS = "٠١٢٣٤٥٦٧٨٩";

/** Length as zod 4 and people count it: Unicode code points. */
export const codePoints = (s: string) => Array.from(s).length;

/** No lone surrogates (encodeURIComponent, TextEncoder and the database all need well-formed text). */
export function isWellFormed(s: string): boolean {
  try {
    encodeURIComponent(s);
    return true;
  } catch {
    return false;
  }
}

/** Iranian national code: ten ASCII digits, not all the same, mod-11 check digit. */
export function oracleNationalId(s: string): boolean {
  if (s.length !== 10) return false;
  const digits: number[] = [];
  for (const c of s) {
    const code = c.charCodeAt(0);
    if (code < 48 || code > 57) return false;
    digits.push(code - 48);
  }
  if (digits.every((d) => d === digits[0])) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += digits[i]! * (10 - i);
  const r = sum % 11;
  return digits[9] === (r < 2 ? r : 11 - r);
}

// The Damm quasigroup of order 10 (H. M. Damm, 2004), as published.
const DAMM_TABLE = [
  "0317598642",
  "7092154863",
  "4206871359",
  "1750983426",
  "6123045978",
  "3674209581",
  "5869720134",
  "8945362017",
  "9438617205",
  "2581436790",
];
export function dammInterim(digits: string): number {
  let interim = 0;
  for (const c of digits) interim = Number(DAMM_TABLE[interim]![Number(c)]);
  return interim;
}
/** A tracking code: ten ASCII digits, the first not zero, passing the Damm check. */
export const oracleTrackingCode = (s: string) => /^[1-9][0-9]{9}$/.test(s) && dammInterim(s) === 0;

const MONTH_DAYS = [31, 31, 31, 31, 31, 31, 30, 30, 30, 30, 30, 30];
/**
 * A real Jalali date: month and day in range, and the day survives a round trip
 * through the Gregorian calendar. Years 0-3177: four digits, within the range of
 * jalaali-js's algorithm (-61 to 3177).
 */
export function oracleJalaliDate(jy: number, jm: number, jd: number): boolean {
  if (![jy, jm, jd].every(Number.isInteger) || jy < 0 || jy > 3177 || jm < 1 || jm > 12 || jd < 1 || jd > MONTH_DAYS[jm - 1]!) return false;
  const g = toGregorian(jy, jm, jd);
  const back = toJalaali(g.gy, g.gm, g.gd);
  return back.jy === jy && back.jm === jm && back.jd === jd;
}
/** The stored form YYYY/MM/DD of a real Jalali date. */
export function oracleStoredJalali(s: string): boolean {
  const m = /^([0-9]{4})\/([0-9]{2})\/([0-9]{2})$/.exec(s);
  return m !== null && oracleJalaliDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

const tehranDay = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Tehran", year: "numeric", month: "2-digit", day: "2-digit" });
/** Today in Tehran as Jalali, through the Gregorian calendar (not through lib/utils/jalali). */
export function oracleTodayJalali(now = new Date()) {
  const [gy, gm, gd] = tehranDay.format(now).split("-").map(Number) as [number, number, number];
  return toJalaali(gy, gm, gd);
}

export const oracleUuidShape = (s: string) => /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(s);

// ---------------------------------------------------------------------------
// Arbitraries

const digit = fc.integer({ min: 0, max: 9 });
const asciiDigits = (length: number) => fc.array(digit, { minLength: length, maxLength: length }).map((ds) => ds.join(""));

/** Valid national codes, built with the oracle's own check digit. */
export const validNationalId: fc.Arbitrary<string> = asciiDigits(9)
  .filter((first9) => !/^(\d)\1{8}$/.test(first9))
  .map((first9) => {
    for (let check = 0; check <= 9; check++) if (oracleNationalId(first9 + check)) return first9 + check;
    throw new Error("unreachable: every nine digits have a check digit");
  });

/** Valid tracking codes, built with the oracle's own Damm table. */
export const validTrackingCode: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 1, max: 9 }), asciiDigits(8))
  .map(([first, rest]) => `${first}${rest}`)
  .map((body) => body + dammInterim(body));

/** Separators people and their copy/paste put between digit groups. */
export const DIGIT_SEPARATORS = [" ", "\u00A0", "\u2009", "\u202F", "\t", "-", "\u2010", "\u2013", "\u2014", "\u2212", "\u200C", "\u200D", "\u200E", "\u200F", "\u061C", "\u202A", "\u202C", "\u2066", "\u2069"];

/** `ascii` digits as typed: each digit in Persian, Arabic-Indic or ASCII script, with separators in between. */
export function typedDigits(ascii: string, { separators = DIGIT_SEPARATORS }: { separators?: string[] } = {}): fc.Arbitrary<string> {
  const sep = separators.length === 0 ? fc.constant("") : fc.oneof({ arbitrary: fc.constant(""), weight: 4 }, { arbitrary: fc.constantFrom(...separators), weight: 1 });
  return fc
    .tuple(
      fc.array(fc.integer({ min: 0, max: 2 }), { minLength: ascii.length, maxLength: ascii.length }),
      fc.array(sep, { minLength: ascii.length + 1, maxLength: ascii.length + 1 }),
    )
    .map(([scripts, seps]) =>
      Array.from(ascii, (d, i) => seps[i]! + ["0123456789", PERSIAN_DIGITS, ARABIC_DIGITS][scripts[i]!]!.charAt(Number(d))).join("") + seps[ascii.length]!,
    );
}

/** Characters that matter to Persian input handling, and some that break naive code. */
export const TRICKY_CHARS = [
  ..."0123456789",
  ...PERSIAN_DIGITS,
  ...ARABIC_DIGITS,
  ..."ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهیآئءۀ",
  "\u064A", // ي
  "\u0649", // ى
  "\u0643", // ك
  "\u0640", // tatweel
  "\u0653",
  "\u0654",
  "\u064B",
  ..."aZz /-+.@:_",
  ...DIGIT_SEPARATORS,
  "\n",
  "\r",
  "\u2028",
  "\u200B",
  "\uFEFF",
  "\u0000",
  "\u0085",
  "\u009B",
  "<",
  ">",
  '"',
  "'",
  "\\",
  "%",
  "😀",
  "\uD800",
  "\uDC00",
  "é",
  "e\u0301",
  "İ",
  "\u212A", // Kelvin sign: lower-cases to ASCII k
];
export const trickyString = (maxLength = 40): fc.Arbitrary<string> => fc.string({ unit: fc.constantFrom(...TRICKY_CHARS), maxLength });

/** Long strings (up to `maxLength`, 60,000 by default), made by repeating a short tricky one. */
export const longString = (maxLength = 60_000): fc.Arbitrary<string> =>
  fc
    .tuple(trickyString(6).filter((s) => s.length > 0), fc.integer({ min: Math.ceil(maxLength / 60), max: Math.ceil(maxLength / 6) }))
    .map(([s, n]) => s.repeat(n).slice(0, maxLength));
export const hugeString: fc.Arbitrary<string> = longString();

/** Any string: ASCII, full UTF-16 (lone surrogates included), Persian-ish, huge. */
export const anyString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.string({ maxLength: 40 }), weight: 2 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 40 }), weight: 2 },
  { arbitrary: trickyString(), weight: 4 },
  { arbitrary: hugeString, weight: 1 },
);

/** Values a form or a JSON body should never contain, and a few it might (a File in a text field). */
export const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: anyString, weight: 4 },
  {
    arbitrary: fc.anything({
      maxDepth: 2,
      maxKeys: 5,
      withBigInt: true,
      withBoxedValues: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withObjectString: true,
      withSparseArray: true,
      withTypedArray: true,
      stringUnit: "binary",
    }),
    weight: 3,
  },
  {
    arbitrary: fc.constantFrom<unknown>(
      new File(["x"], "a.pdf", { type: "application/pdf" }),
      new Blob(["1234567890"]),
      Symbol("s"),
      () => "0012345679",
      [],
      ["0012345679"],
      Number.NaN,
      Number.POSITIVE_INFINITY,
      -0,
    ),
    weight: 1,
  },
);

/** `__proto__`, `constructor` and friends as own keys (what JSON.parse and Object.fromEntries produce). */
const POISON: Record<string, unknown> = JSON.parse(
  `{"__proto__": {"${POLLUTION_MARKER}": "yes"}, "constructor": {"prototype": {"${POLLUTION_MARKER}": "yes"}}, "prototype": {"${POLLUTION_MARKER}": "yes"}, "toString": "x", "hasOwnProperty": "x", "valueOf": 1}`,
) as Record<string, unknown>;
export const withPoisonKeys = <T extends object>(value: T): T => ({ ...POISON, ...value });

/**
 * Objects with the given keys: each value either from `valid[key]` or anything
 * else, sometimes with the key missing, sometimes with prototype-pollution keys.
 */
export function mixedObject(valid: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Record<string, unknown>> {
  const fields = Object.fromEntries(
    Object.entries(valid).map(([key, arbitrary]) => [key, fc.oneof({ arbitrary, weight: 3 }, { arbitrary: anyValue, weight: 1 })]),
  );
  return fc
    .tuple(fc.record(fields, { requiredKeys: [] }), fc.dictionary(anyString.filter((s) => s.length < 50), anyValue, { maxKeys: 3 }), fc.boolean())
    .map(([known, extra, poison]) => {
      const object = { ...extra, ...known };
      return poison ? withPoisonKeys(object) : object;
    });
}

/** A schema's input: usually an object in the right shape with wrong values, sometimes anything at all. */
export const hostileInput = (valid: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<unknown> =>
  fc.oneof({ arbitrary: mixedObject(valid), weight: 4 }, { arbitrary: anyValue, weight: 1 });

/** Random upper/lower case of each character. */
export const randomCase = (s: string): fc.Arbitrary<string> =>
  fc.array(fc.boolean(), { minLength: s.length, maxLength: s.length }).map((up) => Array.from(s, (c, i) => (up[i] ? c.toUpperCase() : c.toLowerCase())).join(""));

/** RFC 9562 UUIDs (versions 1-8) as zod accepts them, in random case. */
export const validUuid: fc.Arbitrary<string> = fc.uuid({ version: [1, 2, 3, 4, 5, 6, 7, 8] }).chain(randomCase);
