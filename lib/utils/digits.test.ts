import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  foldArabicLetters,
  normalizeDigitsInput,
  normalizeText,
  toAsciiDigits,
  toPersianDigits,
} from "./digits";

const PERSIAN = "۰۱۲۳۴۵۶۷۸۹";
const ARABIC = "٠١٢٣٤٥٦٧٨٩";
const ZWNJ = "\u200C";

describe("toAsciiDigits", () => {
  it("converts Persian and Arabic-Indic digits", () => {
    expect(toAsciiDigits(PERSIAN)).toBe("0123456789");
    expect(toAsciiDigits(ARABIC)).toBe("0123456789");
    expect(toAsciiDigits("کد ۱۲a٣")).toBe("کد 12a3");
  });

  it("leaves other characters, including other digit scripts, alone", () => {
    // Devanagari and fullwidth digits are not used by our users; converting them
    // would let odd input pass validation unnoticed.
    expect(toAsciiDigits("१२ １２ abc")).toBe("१२ １２ abc");
  });
});

describe("toPersianDigits", () => {
  it("converts strings and numbers", () => {
    expect(toPersianDigits("1404/01/15")).toBe("۱۴۰۴/۰۱/۱۵");
    expect(toPersianDigits(1234567890)).toBe("۱۲۳۴۵۶۷۸۹۰");
    expect(toPersianDigits(0)).toBe("۰");
  });

  it("round-trips with toAsciiDigits", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const ascii = toAsciiDigits(s);
        expect(toAsciiDigits(toPersianDigits(ascii))).toBe(ascii);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("foldArabicLetters", () => {
  it("folds Arabic yeh, alef maksura and kaf to Persian letters", () => {
    expect(foldArabicLetters("علي كريمي")).toBe("علی کریمی");
    expect(foldArabicLetters("موسى")).toBe("موسی");
    expect(foldArabicLetters("علی کریمی")).toBe("علی کریمی");
  });

  it("removes tatweel but keeps ZWNJ", () => {
    expect(foldArabicLetters("محـــمد")).toBe("محمد");
    expect(foldArabicLetters(`حسین${ZWNJ}زاده`)).toBe(`حسین${ZWNJ}زاده`);
  });
});

describe("normalizeDigitsInput", () => {
  it("strips separators and invisible marks from typical pasted input", () => {
    expect(normalizeDigitsInput("۰۰۱-۲۳۴۵۶۷-۹")).toBe("0012345679");
    expect(normalizeDigitsInput("0912 123 4567")).toBe("09121234567");
    expect(normalizeDigitsInput("\u200E۰۹۱۲\u00A0۱۲۳\u2009۴۵۶۷\u200F")).toBe("09121234567");
    expect(normalizeDigitsInput("0912–123—4567\u2212")).toBe("09121234567");
    expect(normalizeDigitsInput("\u202B٠٩١٢\u202C\u2067123\u2069\u200C4567\u200D")).toBe("09121234567");
  });

  it("keeps letters and other symbols so that validation can reject them", () => {
    expect(normalizeDigitsInput("12a/3+4")).toBe("12a/3+4");
  });

  const separator = fc.constantFrom(
    " ",
    "\u00A0",
    "\u2009",
    "\u202F",
    "\t",
    "-",
    "\u2010",
    "\u2013",
    "\u2014",
    "\u2015",
    "\u2212",
    "\u200C",
    "\u200D",
    "\u200E",
    "\u200F",
    "\u061C",
    "\u202A",
    "\u202E",
    "\u2066",
    "\u2069",
  );
  const digitInAnyScript = fc
    .tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 2 }))
    .map(([d, script]) => ({ ascii: String(d), typed: ["0123456789", PERSIAN, ARABIC][script]!.charAt(d) }));

  it("maps a digit string in any mix of scripts and separators to its ASCII digits", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(digitInAnyScript, fc.array(separator, { maxLength: 3 }))),
        fc.array(separator, { maxLength: 3 }),
        (parts, leading) => {
          const typed = leading.join("") + parts.map(([d, seps]) => d.typed + seps.join("")).join("");
          const expected = parts.map(([d]) => d.ascii).join("");
          expect(normalizeDigitsInput(typed)).toBe(expected);
        },
      ),
      { numRuns: 5000 },
    );
  });

  it("is idempotent and total on arbitrary strings", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        const once = normalizeDigitsInput(s);
        expect(normalizeDigitsInput(once)).toBe(once);
      }),
      { numRuns: 5000 },
    );
  });

  it("is idempotent on strings made of the characters it cares about", () => {
    const interesting = fc.constantFrom(..."0129۰۵۹٠٥٩ -–\u00A0\u200C\u200E\u2066a/ی".split(""));
    fc.assert(
      fc.property(fc.array(interesting).map((cs) => cs.join("")), (s) => {
        const once = normalizeDigitsInput(s);
        expect(normalizeDigitsInput(once)).toBe(once);
        expect(once).not.toMatch(/[۰-۹٠-٩\s\-–\u200C\u200E\u2066]/u);
      }),
      { numRuns: 5000 },
    );
  });
});

describe("normalizeText", () => {
  it("produces the stored form of a name", () => {
    expect(normalizeText("  علي   كريمي\u00A0")).toBe("علی کریمی");
    expect(normalizeText("پلاک ۱۲")).toBe("پلاک 12");
    expect(normalizeText(`حسين${ZWNJ}زاده`)).toBe(`حسین${ZWNJ}زاده`);
    expect(normalizeText("محـمد\n\tرضا")).toBe("محمد رضا");
  });

  it("composes to NFC, also across a removed tatweel", () => {
    // alef + madda above, decomposed, is the same letter as آ.
    expect(normalizeText("\u0627\u0653ب")).toBe("آب");
    expect(normalizeText("\u0627\u0640\u0653ب")).toBe("آب");
  });

  it("is idempotent", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        const once = normalizeText(s);
        expect(normalizeText(once)).toBe(once);
      }),
      { numRuns: 3000 },
    );
    const arabicish = fc.constantFrom(..."\u0627\u0640\u0653\u064A\u0649\u0643\u0654\u06CC\u06A9 \u00A0\u200C۱".split(""));
    fc.assert(
      fc.property(fc.array(arabicish).map((cs) => cs.join("")), (s) => {
        const once = normalizeText(s);
        expect(normalizeText(once)).toBe(once);
      }),
      { numRuns: 3000 },
    );
  });
});
