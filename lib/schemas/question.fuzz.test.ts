// Fuzzing of the question form: nothing throws, what is accepted is normalised
// and within its bounds (checked without normalizeWrittenText), and every reasonable
// question, however untidily typed, is accepted in its clean form, with its
// digits as they were typed (Persian or Latin).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anyString, codePoints, fuzz, hostileInput, hugeString, PERSIAN_DIGITS, fuzzFile, trickyString, validUuid, withPoisonKeys } from "@/tests/support/fuzz";
import { ZQuestion } from "./question";

fuzzFile("lib/schemas/question.ts");

const DOMAINS = ["INSURANCE", "MEDICAL"];
const RFC_UUID = /^([0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}|0{8}-0{4}-0{4}-0{4}-0{12}|f{8}-f{4}-f{4}-f{4}-f{12})$/i;
const UNFOLDED = /[\u064A\u0649\u0643\u0640]/u; // Arabic yeh/kaf, tatweel

/** One line of normalised text: NFC, folded, single spaces, trimmed. */
function expectNormalisedLine(line: string) {
  expect(line).toBe(line.normalize("NFC"));
  expect(line).not.toMatch(UNFOLDED);
  expect(line).not.toMatch(/[^\S ]| {2}/u); // no whitespace but single spaces
  expect(line).toBe(line.trim());
}

// Clean text: Persian and Latin words with ASCII digits and punctuation.
const word = fc.string({ unit: fc.constantFrom(..."ابپتجچخدرزسشعفقکگلمنوهیآئ0123456789؟،.abcXYZ"), minLength: 1, maxLength: 10 });
const cleanLine = (maxWords: number) => fc.array(word, { minLength: 1, maxLength: maxWords }).map((ws) => ws.join(" "));

/**
 * `clean` as it might be typed: Arabic yeh/kaf, untidy spaces, and some digits
 * typed as Persian ones; `kept` is what must be stored: `clean` with those digits
 * still Persian.
 */
const untidy = (clean: string) =>
  fc
    .tuple(
      fc.array(fc.nat(9), { minLength: clean.length, maxLength: clean.length }),
      fc.constantFrom("", " ", "\u00A0", "\t "),
      fc.constantFrom("", " ", "\u2009"),
    )
    .map(([noise, before, after]) => {
      const persianDigit = (c: string, i: number) => /[0-9]/.test(c) && noise[i]! < 6;
      const typed =
        before +
        Array.from(clean, (c, i) => {
          const n = noise[i]!;
          if (c === " ") return [" ", "  ", "\u00A0", "\t", " \u2009"][n % 5];
          if (c === "ی" && n < 4) return "\u064A";
          if (c === "ک" && n < 4) return "\u0643";
          if (persianDigit(c, i)) return PERSIAN_DIGITS[Number(c)];
          return n === 9 && /[آ-ی]/.test(c) ? `${c}\u0640` : c;
        }).join("") +
        after;
      const kept = Array.from(clean, (c, i) => (persianDigit(c, i) ? PERSIAN_DIGITS[Number(c)] : c)).join("");
      return { typed, kept };
    });

const subject = cleanLine(20).filter((s) => codePoints(s) >= 5 && codePoints(s) <= 120);
// Lines and the breaks between them: one break stays one, a blank line (or more) becomes exactly one blank line.
const LINE_BREAKS: [string, string][] = [
  ["\n", "\n"],
  ["\r\n", "\n"],
  ["\r", "\n"],
  ["\n\n", "\n\n"],
  ["\r\n\r\n\r\n", "\n\n"],
  ["\n \n\n\n", "\n\n"],
  ["\n\t\u00A0\n", "\n\n"],
];
const body = fc
  .tuple(fc.array(cleanLine(12), { minLength: 1, maxLength: 25 }), fc.array(fc.constantFrom(...LINE_BREAKS), { minLength: 25, maxLength: 25 }))
  .filter(([lines, breaks]) => {
    const clean = lines.map((l, i) => (i === 0 ? "" : breaks[i]![1]) + l).join("");
    return codePoints(clean) >= 20 && codePoints(clean) <= 4000;
  });

describe("ZQuestion", () => {
  it("never throws; what it accepts is a known domain, normalised text within bounds and an RFC UUID", () => {
    // Mostly near-valid values (so the bounds are reached), sometimes anything.
    const text = fc.oneof(anyString, trickyString(200), hugeString, trickyString(300).map((s) => s.repeat(3)));
    const mostly = <T,>(valid: fc.Arbitrary<T>, other: fc.Arbitrary<unknown>) => fc.oneof({ arbitrary: valid, weight: 3 }, { arbitrary: other, weight: 1 });
    const typedBody = body.map(([lines, breaks]) => lines.map((l, i) => (i === 0 ? "" : breaks[i]![0]) + l).join(""));
    fuzz(
      "ZQuestion",
      hostileInput({
        domain: mostly(fc.constantFrom(...DOMAINS), anyString),
        subject: mostly(fc.oneof(subject.chain(untidy).map((u) => u.typed), cleanLine(2), cleanLine(30)), text),
        body: mostly(fc.oneof(typedBody, cleanLine(4)), text),
        submissionId: mostly(validUuid, anyString),
      }),
      (input) => {
        const result = ZQuestion.safeParse(input);
        if (!result.success) return;
        const q = result.data;
        expect(Object.keys(q).sort()).toEqual(["body", "domain", "subject", "submissionId"]);
        expect(DOMAINS).toContain(q.domain);
        expect(q.submissionId).toMatch(RFC_UUID);
        expectNormalisedLine(q.subject);
        expect(codePoints(q.subject)).toBeGreaterThanOrEqual(5);
        expect(codePoints(q.subject)).toBeLessThanOrEqual(120);
        expect(codePoints(q.body)).toBeGreaterThanOrEqual(20);
        expect(codePoints(q.body)).toBeLessThanOrEqual(4000);
        expect(q.body).toBe(q.body.trim());
        expect(q.body).not.toMatch(/\r|\n{3}/);
        q.body.split("\n").forEach(expectNormalisedLine);
      },
    );
  });

  it("accepts every reasonable question, however untidily typed, and stores its clean form with the digits as typed", () => {
    fuzz(
      "ZQuestion",
      fc.tuple(fc.constantFrom(...DOMAINS), subject, body, validUuid, fc.boolean()).chain(([domain, s, [lines, breaks], id, poison]) =>
        fc
          .tuple(untidy(s), fc.tuple(...lines.map(untidy)))
          .map(([typedSubject, typedLines]) => ({
            input: {
              domain,
              subject: typedSubject.typed,
              body: typedLines.map((l, i) => (i === 0 ? "" : breaks[i]![0]) + l.typed).join(""),
              submissionId: id,
            },
            expected: {
              domain,
              subject: typedSubject.kept,
              body: typedLines.map((l, i) => (i === 0 ? "" : breaks[i]![1]) + l.kept).join(""),
              submissionId: id,
            },
            poison,
          })),
      ),
      ({ input, expected, poison }) => {
        expect(ZQuestion.parse(poison ? withPoisonKeys(input) : input)).toEqual(expected);
      },
    );
  });
});
