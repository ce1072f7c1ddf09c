import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { JalaliDate } from "@/lib/utils/jalali";
import { documentChecklist, FACT_EVIDENCE } from "./document-checklist";
import { DOCUMENT_KINDS, DOCUMENTS, type DocumentKind } from "./documents";
import { BASE_DOCUMENTS, DECLARED_FACTS, ELIGIBILITY_RULES, evaluateEligibility, type Declared } from "./eligibility";
import { RELATIONSHIPS } from "./relationships";

const kinds = (items: { kind: DocumentKind; required: boolean }[]) =>
  items.map((i) => (i.required ? i.kind : `${i.kind}?`));

describe("DOCUMENTS", () => {
  it("has a Persian label and hint for every kind", () => {
    for (const kind of DOCUMENT_KINDS) {
      expect(DOCUMENTS[kind].label).toMatch(/^[\u0600-\u06FF]/);
      expect(DOCUMENTS[kind].hint).toMatch(/[\u0600-\u06FF]/);
    }
    expect(DOCUMENTS.MARRIAGE_CERTIFICATE.label).toBe("سند ازدواج");
    expect(DOCUMENTS.DISABILITY_VERDICT.label).toBe("رأی کمیسیون پزشکی (ازکارافتادگی)");
  });

  it("asks, for each rule, exactly the evidence of the facts the rule relies on", () => {
    for (const relationship of RELATIONSHIPS) {
      for (const rule of ELIGIBILITY_RULES[relationship]) {
        expect(rule.documents, rule.id).toEqual(rule.requires.map((fact) => FACT_EVIDENCE[fact]));
      }
    }
  });

  it("uses every document kind somewhere", () => {
    const used = new Set<DocumentKind>([
      ...Object.values(BASE_DOCUMENTS).flat(),
      ...Object.values(ELIGIBILITY_RULES).flatMap((rules) => rules.flatMap((r) => r.documents)),
    ]);
    expect([...used].sort()).toEqual([...DOCUMENT_KINDS].sort());
  });
});

describe("documentChecklist", () => {
  it("lists the spouse documents for a wife", () => {
    const list = documentChecklist({ relationship: "WIFE", rule: "WIFE", declared: {} });
    expect(kinds(list)).toEqual(["MARRIAGE_CERTIFICATE", "BIRTH_CERTIFICATE", "NATIONAL_CARD"]);
    expect(list[0]).toEqual({ kind: "MARRIAGE_CERTIFICATE", ...DOCUMENTS.MARRIAGE_CERTIFICATE, required: true });
  });

  it("adds proof of study for a studying son of 19", () => {
    expect(kinds(documentChecklist({ relationship: "SON", rule: "SON_18_20_STUDYING", declared: { studying: true } }))).toEqual([
      "BIRTH_CERTIFICATE",
      "STUDY_CERTIFICATE",
    ]);
  });

  it("adds the single-status and no-employment certificates for a daughter", () => {
    expect(
      kinds(
        documentChecklist({
          relationship: "DAUGHTER",
          rule: "DAUGHTER_UNMARRIED_UNEMPLOYED",
          declared: { unmarried: true, employed: false },
        }),
      ),
    ).toEqual(["BIRTH_CERTIFICATE", "SINGLE_STATUS", "NO_EMPLOYMENT"]);
  });

  it("adds the disability verdict and the support declaration for a disabled father", () => {
    expect(
      kinds(
        documentChecklist({
          relationship: "FATHER",
          rule: "FATHER_DISABLED_SUPPORTED",
          declared: { disabled: true, supported: true },
        }),
      ),
    ).toEqual(["BIRTH_CERTIFICATE", "NATIONAL_CARD", "DISABILITY_VERDICT", "SUPPORT_DECLARATION"]);
  });

  it("offers, optionally, the evidence of a declared fact another rule relies on", () => {
    // A disabled 10-year-old is covered as a minor; the verdict keeps him covered after 18.
    expect(kinds(documentChecklist({ relationship: "SON", rule: "SON_UNDER_18", declared: { disabled: true } }))).toEqual([
      "BIRTH_CERTIFICATE",
      "DISABILITY_VERDICT?",
    ]);
    expect(
      kinds(documentChecklist({ relationship: "FATHER", rule: "FATHER_OVER_60_SUPPORTED", declared: { supported: true, disabled: true } })),
    ).toEqual(["BIRTH_CERTIFICATE", "NATIONAL_CARD", "SUPPORT_DECLARATION", "DISABILITY_VERDICT?"]);
  });

  it("ignores declared facts that no rule of the relationship uses, and facts declared against", () => {
    expect(
      kinds(documentChecklist({ relationship: "WIFE", rule: "WIFE", declared: { studying: true, disabled: true, supported: true } })),
    ).toEqual(["MARRIAGE_CERTIFICATE", "BIRTH_CERTIFICATE", "NATIONAL_CARD"]);
    expect(kinds(documentChecklist({ relationship: "SON", rule: "SON_UNDER_18", declared: { disabled: false, studying: false } }))).toEqual([
      "BIRTH_CERTIFICATE",
    ]);
  });

  it("throws on a rule of another relationship (a caller bug)", () => {
    expect(() => documentChecklist({ relationship: "WIFE", rule: "SON_UNDER_18", declared: {} })).toThrow(RangeError);
  });

  it("requires exactly the documents evaluateEligibility returns, base documents first, no duplicates", () => {
    const answer = fc.option(fc.boolean(), { nil: undefined });
    const declaredArb: fc.Arbitrary<Declared> = fc.record(
      Object.fromEntries(DECLARED_FACTS.map((f) => [f, answer])) as Record<(typeof DECLARED_FACTS)[number], typeof answer>,
      { requiredKeys: [] },
    );
    const birthArb: fc.Arbitrary<JalaliDate> = fc.record({
      jy: fc.integer({ min: 1300, max: 1404 }),
      jm: fc.integer({ min: 1, max: 12 }),
      jd: fc.integer({ min: 1, max: 29 }),
    });
    const today: JalaliDate = { jy: 1404, jm: 6, jd: 15 };
    fc.assert(
      fc.property(fc.constantFrom(...RELATIONSHIPS), birthArb, declaredArb, (relationship, birth, declared) => {
        const result = evaluateEligibility({ relationship, dependentBirthDate: birth, declared, today });
        if (!result.eligible) return;
        const list = documentChecklist({ relationship, rule: result.rule, declared });
        expect(list.filter((i) => i.required).map((i) => i.kind)).toEqual(result.documents);
        expect(list.slice(0, BASE_DOCUMENTS[relationship].length).map((i) => i.kind)).toEqual(BASE_DOCUMENTS[relationship]);
        expect(new Set(list.map((i) => i.kind)).size).toBe(list.length);
        // Required items come before optional ones.
        const firstOptional = list.findIndex((i) => !i.required);
        if (firstOptional >= 0) expect(list.slice(firstOptional).every((i) => !i.required)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
