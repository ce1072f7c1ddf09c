// Fuzzing of the staff queue filters (from the URL) and the decision forms.
// The queue page calls ZQueueFilters.parse, so any object must parse, unknown
// values falling back to the defaults; a decision is accepted only when its
// variant's rules hold, and every valid decision is accepted.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DOCUMENT_KINDS } from "@/lib/dependents/documents";
import { REJECTION_REASON_CODES } from "@/lib/domain/decision-reasons";
import { anyString, anyValue, codePoints, fuzz, hostileInput, mixedObject, fuzzFile, trickyString, typedDigits, withPoisonKeys } from "@/tests/support/fuzz";
import { isValidNationalId } from "@/lib/utils/national-id";
import { parseTrackingCode } from "@/lib/utils/tracking-code";
import { queueSearchProblem, QUEUE_KINDS, QUEUE_SORTS, QUEUE_STATUSES, ZDecisionForm, ZQueueFilters } from "./review";

fuzzFile("lib/schemas/review.ts");

const FILTER_KEYS = ["kind", "status", "overdue", "mine", "unassigned", "sort", "q", "after"];
const oneOf = <T extends string>(values: readonly T[], value: unknown): T | undefined => (values as readonly unknown[]).includes(value) ? (value as T) : undefined;
const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v) && [Object.prototype, null].includes(Object.getPrototypeOf(v));

describe("ZQueueFilters", () => {
  const searchParam = fc.oneof(fc.constant(undefined), fc.constantFrom("1", "0", "true", "", "due", "newest", ...QUEUE_KINDS, ...QUEUE_STATUSES), anyString);
  const filters = mixedObject(Object.fromEntries(FILTER_KEYS.map((key) => [key, searchParam])));

  it("parses every object (the page calls parse), falling back to defaults, and never throws on anything else", () => {
    fuzz("ZQueueFilters", fc.oneof({ arbitrary: filters, weight: 4 }, { arbitrary: anyValue, weight: 1 }), (input) => {
      const result = ZQueueFilters.safeParse(input);
      if (!isPlainObject(input)) return;
      expect(result.success).toBe(true);
      const out = result.data!;
      for (const key of Object.keys(out)) expect(FILTER_KEYS).toContain(key);
      expect(out.kind).toBe(oneOf(QUEUE_KINDS, input.kind));
      expect(out.status).toBe(oneOf(QUEUE_STATUSES, input.status));
      expect(out.sort).toBe(oneOf(QUEUE_SORTS, input.sort) ?? "due");
      for (const flag of ["overdue", "mine", "unassigned"] as const) expect(out[flag]).toBe(input[flag] === "1");
      if (typeof input.q === "string" && input.q !== "") {
        expect(out.q!.length).toBeLessThanOrEqual(20);
        expect(out.q).not.toMatch(/[۰-۹٠-٩\s\u200C-\u200F]/u);
      } else expect(out.q).toBeUndefined();
      expect(out.after).toBe(typeof input.after === "string" && codePoints(input.after) <= 200 ? input.after : undefined);
    });
  });

  it("reads a tracking code or national ID typed in any digits as its ASCII digits", () => {
    const digits = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 24 }).map((ds) => ds.join(""));
    fuzz("ZQueueFilters", digits.chain((ascii) => typedDigits(ascii).map((typed) => ({ ascii, typed }))), ({ ascii, typed }) => {
      const { q } = ZQueueFilters.parse({ q: typed });
      expect(q).toBe(ascii.slice(0, 20));
      if (!/^[0-9]{10}$/.test(ascii.slice(0, 20))) expect(queueSearchProblem(q!)).toBe("کد رهگیری یا کد ملی باید ده رقم باشد.");
    });
  });
});

describe("queueSearchProblem", () => {
  it("refuses anything but ten ASCII digits", () => {
    const tenDigits = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 10, maxLength: 10 }).map((ds) => ds.join(""));
    fuzz("queueSearchProblem", fc.oneof(anyString, tenDigits, tenDigits.map((s) => `${s}\n`), tenDigits.map((s) => s.replace(/\d/g, (d) => "۰۱۲۳۴۵۶۷۸۹"[Number(d)]!))), (q) => {
      const ascii10 = q.length === 10 && Array.from(q).every((c) => c >= "0" && c <= "9");
      if (!ascii10) expect(queueSearchProblem(q)).toBe("کد رهگیری یا کد ملی باید ده رقم باشد.");
      else expect(queueSearchProblem(q) === null).toBe(parseTrackingCode(q) !== null || isValidNationalId(q));
    });
  });
});

describe("ZDecisionForm", () => {
  const DECISIONS = ["APPROVE", "REJECT", "RETURN", "ANSWER"];
  const KEYS: Record<string, string[]> = {
    APPROVE: ["decision", "note", "version"],
    REJECT: ["decision", "note", "reason", "version"],
    RETURN: ["decision", "documents", "note", "version"],
    ANSWER: ["answer", "decision", "version"],
  };
  /** An ISO instant in UTC with seconds, naming a real calendar time. */
  function isIsoInstant(s: string): boolean {
    const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?Z$/.exec(s);
    if (!m) return false;
    const [y, mo, d, h, mi, sec] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
    const date = new Date(0);
    date.setUTCFullYear(y, mo - 1, d);
    date.setUTCHours(h, mi, sec);
    return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && date.getUTCHours() === h && date.getUTCMinutes() === mi && date.getUTCSeconds() === sec;
  }
  const version = fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2100-01-01T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString());
  const words = (min: number, max: number) => fc.string({ unit: fc.constantFrom(..."ابپتکیهو abc123"), minLength: min, maxLength: max });
  const padded = (text: fc.Arbitrary<string>) => fc.tuple(fc.constantFrom("", " ", "\n", "\t "), text, fc.constantFrom("", " ", "\n\n")).map(([a, t, b]) => a + t + b);
  const note = fc.oneof(fc.constant(undefined), { arbitrary: padded(words(0, 30)), weight: 3 }, anyString, trickyString(2100), fc.constantFrom("x".repeat(2000), " x".repeat(1001)));

  it("never throws; what it accepts is a known decision with a real version and only its variant's fields, each valid", () => {
    fuzz(
      "ZDecisionForm",
      hostileInput({
        decision: fc.oneof({ arbitrary: fc.constantFrom(...DECISIONS), weight: 4 }, fc.constantFrom("approve", ""), anyString),
        version: fc.oneof({ arbitrary: version, weight: 4 }, anyString, fc.constantFrom("2024-02-30T00:00:00Z", "2024-01-01T24:00:00Z", "2024-01-01T00:00:00+03:30", "2024-01-01T00:00Z")),
        reason: fc.oneof(fc.constant(undefined), { arbitrary: fc.constantFrom(...REJECTION_REASON_CODES), weight: 3 }, anyString),
        note,
        answer: fc.oneof({ arbitrary: padded(words(0, 50)), weight: 3 }, anyString, fc.constantFrom("x".repeat(4000), "x".repeat(4001), "😀".repeat(4000))),
        documents: fc.oneof({ arbitrary: fc.array(fc.constantFrom(...DOCUMENT_KINDS), { maxLength: 3 }), weight: 3 }, fc.array(fc.oneof(fc.constantFrom(...DOCUMENT_KINDS), anyString), { maxLength: 4 }), anyValue),
      }),
      (input) => {
        const result = ZDecisionForm.safeParse(input);
        if (!result.success) return;
        const out = result.data;
        const raw = input as Record<string, unknown>;
        expect(DECISIONS).toContain(out.decision);
        expect(Object.keys(out).filter((k) => (out as Record<string, unknown>)[k] !== undefined).sort()).toEqual(
          KEYS[out.decision]!.filter((k) => (out as Record<string, unknown>)[k] !== undefined),
        );
        expect(isIsoInstant(out.version)).toBe(true);
        expect(out.version).toBe(raw.version);
        if ("note" in out && out.note !== undefined) {
          expect(out.note).toBe((raw.note as string).trim());
          expect(codePoints(out.note)).toBeLessThanOrEqual(2000);
        }
        switch (out.decision) {
          case "REJECT":
            expect(REJECTION_REASON_CODES).toContain(out.reason);
            // The schema counts UTF-16 units here (String.length), as the refine is written.
            if (out.reason === "OTHER") expect(out.note?.length ?? 0).toBeGreaterThanOrEqual(10);
            break;
          case "RETURN":
            for (const kind of out.documents) expect(DOCUMENT_KINDS).toContain(kind);
            expect(out.documents.length > 0 || (out.note?.length ?? 0) >= 10).toBe(true);
            break;
          case "ANSWER":
            expect(out.answer).toBe((raw.answer as string).trim());
            expect(codePoints(out.answer)).toBeGreaterThanOrEqual(10);
            expect(codePoints(out.answer)).toBeLessThanOrEqual(4000);
            break;
        }
      },
    );
  });

  it("accepts every valid decision of each kind", () => {
    const longNote = padded(words(10, 200)).filter((s) => s.trim().length >= 10);
    const valid = fc.oneof(
      fc.record({ decision: fc.constant("APPROVE"), version, note: fc.oneof(fc.constant(undefined), padded(words(0, 50))) }),
      fc.record({ decision: fc.constant("REJECT"), version, reason: fc.constantFrom(...REJECTION_REASON_CODES.filter((r) => r !== "OTHER")), note: fc.oneof(fc.constant(undefined), padded(words(0, 50))) }),
      fc.record({ decision: fc.constant("REJECT"), version, reason: fc.constant("OTHER"), note: longNote }),
      fc.record({ decision: fc.constant("RETURN"), version, documents: fc.uniqueArray(fc.constantFrom(...DOCUMENT_KINDS), { minLength: 1 }), note: fc.oneof(fc.constant(undefined), padded(words(0, 50))) }),
      fc.record({ decision: fc.constant("RETURN"), version, documents: fc.constant([] as string[]), note: longNote }),
      fc.record({ decision: fc.constant("ANSWER"), version, answer: padded(words(10, 400)).filter((s) => s.trim().length >= 10) }),
    );
    fuzz("ZDecisionForm", fc.tuple(valid, fc.boolean()), ([form, poison]) => {
      const result = ZDecisionForm.safeParse(poison ? withPoisonKeys(form) : form);
      expect(result.success).toBe(true);
      const expected: Record<string, unknown> = { ...form };
      for (const key of ["note", "answer"]) if (typeof expected[key] === "string") expected[key] = (expected[key] as string).trim();
      expect(result.data).toEqual(expected);
    });
  });
});
