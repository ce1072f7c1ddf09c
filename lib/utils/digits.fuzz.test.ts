// Fuzzing of the digit and text normalisers against character-by-character
// oracles: on any string (lone surrogates and huge inputs included) nothing
// throws, and each output is exactly what the documentation says.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ARABIC_DIGITS, fuzz, longString, PERSIAN_DIGITS, fuzzFile, trickyString } from "@/tests/support/fuzz";
import { foldArabicLetters, normalizeDigitsInput, normalizeText, normalizeWrittenText, toAsciiDigits, toPersianDigits } from "./digits";

fuzzFile("lib/utils/digits.ts");

// The oracles below work character by character, so long inputs are kept to 5,000 characters here.
const input = fc.oneof(
  { arbitrary: fc.string({ unit: "binary", maxLength: 80 }), weight: 3 },
  { arbitrary: trickyString(80), weight: 4 },
  { arbitrary: fc.string({ unit: "grapheme", maxLength: 30 }), weight: 2 },
  { arbitrary: longString(5_000), weight: 1 },
);
/** Code unit by code unit, so lone surrogates are kept as they are. */
const mapUnits = (s: string, f: (unit: string) => string) => s.split("").map(f).join("");
const asciiOf = (c: string) => {
  const i = Math.max(PERSIAN_DIGITS.indexOf(c), ARABIC_DIGITS.indexOf(c));
  return i >= 0 ? String(i) : c;
};
const NON_ASCII_DIGIT = /[\u06F0-\u06F9\u0660-\u0669]/u;

describe("toAsciiDigits", () => {
  it("replaces exactly the Persian and Arabic-Indic digits, and nothing else", () => {
    fuzz("toAsciiDigits", input, (s) => {
      const out = toAsciiDigits(s);
      expect(out).toBe(mapUnits(s, asciiOf));
      expect(out).not.toMatch(NON_ASCII_DIGIT);
    });
  });
});

describe("toPersianDigits", () => {
  it("replaces exactly the ASCII digits of strings and of any number", () => {
    const persianOf = (c: string) => (c >= "0" && c <= "9" ? PERSIAN_DIGITS[Number(c)]! : c);
    fuzz("toPersianDigits", fc.oneof(input, fc.double(), fc.integer(), fc.constantFrom(Number.NaN, -0, 1e21, Number.MAX_SAFE_INTEGER)), (value) => {
      const out = toPersianDigits(value);
      expect(out).toBe(mapUnits(String(value), persianOf));
      expect(out).not.toMatch(/[0-9]/);
    });
  });
});

describe("foldArabicLetters", () => {
  it("folds ي/ى to ی and ك to ک, drops tatweel, and keeps everything else (ZWNJ included)", () => {
    const FOLD: Record<string, string> = { "\u064A": "\u06CC", "\u0649": "\u06CC", "\u0643": "\u06A9", "\u0640": "" };
    fuzz("foldArabicLetters", input, (s) => {
      const out = foldArabicLetters(s);
      expect(out).toBe(mapUnits(s, (c) => FOLD[c] ?? c));
      expect(out).not.toMatch(/[\u064A\u0649\u0643\u0640]/u);
      expect(foldArabicLetters(out)).toBe(out);
    });
  });
});

describe("normalizeDigitsInput", () => {
  // The documented noise: every Unicode space, hyphens and dashes (minus sign
  // included), invisible joiners and bidi controls.
  const NOISE = /^(?:\s|[\u200B-\u200F\u2060-\u2064\-\u2010-\u2015\u2212\uFE58\uFE63\uFF0D\u061C\u202A-\u202E\u2066-\u2069])$/u;
  const isNoise = (c: string) => NOISE.test(c);

  it("maps digits to ASCII and removes exactly the separators and invisible marks", () => {
    fuzz("normalizeDigitsInput", input, (s) => {
      const out = normalizeDigitsInput(s);
      expect(out).toBe(mapUnits(s, (c) => (isNoise(c) ? "" : asciiOf(c))));
      expect(out).not.toMatch(/[\s\p{Zs}\u200B-\u200F\u202A-\u202E\u2066-\u2069]/u);
      expect(out).not.toMatch(NON_ASCII_DIGIT);
    });
  });
});

describe("normalizeText", () => {
  it("yields NFC text with Persian letters, ASCII digits and single spaces, trimmed, keeping every ZWNJ, idempotently", () => {
    const zwnjCount = (s: string) => s.split("\u200C").length - 1;
    fuzz("normalizeText", input, (s) => {
      const out = normalizeText(s);
      expect(out).toBe(out.normalize("NFC"));
      expect(out).not.toMatch(/[\u064A\u0649\u0643\u0640]/u);
      expect(out).not.toMatch(NON_ASCII_DIGIT);
      expect(out).not.toMatch(/[^\S ]| {2}/u);
      expect(out).toBe(out.trim());
      expect(zwnjCount(out)).toBe(zwnjCount(s));
      expect(normalizeText(out)).toBe(out);
    });
  });
});

describe("normalizeWrittenText", () => {
  it("is normalizeText with every digit left as typed, idempotently", () => {
    const digitsOf = (s: string) => s.match(/[0-9\u06F0-\u06F9\u0660-\u0669]/gu)?.join("") ?? "";
    fuzz("normalizeWrittenText", input, (s) => {
      const out = normalizeWrittenText(s);
      expect(toAsciiDigits(out)).toBe(normalizeText(s));
      expect(digitsOf(out)).toBe(digitsOf(s.normalize("NFC")));
      expect(normalizeWrittenText(out)).toBe(out);
    });
  });
});
