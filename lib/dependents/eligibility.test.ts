import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { JalaliDate } from "@/lib/utils/jalali";
import {
  BASE_DOCUMENTS,
  DECLARED_FACT_QUESTIONS,
  DECLARED_FACTS,
  ELIGIBILITY_RULES,
  evaluateEligibility,
  findRule,
  QUALIFYING_ANSWER,
  RULE_IDS,
  type Declared,
  type DeclaredFact,
} from "./eligibility";
import { RELATIONSHIPS, type Relationship } from "./relationships";

const TODAY: JalaliDate = { jy: 1404, jm: 6, jd: 15 };

/** Born exactly `age` years ago today: the first day of that age. */
const turnedToday = (age: number): JalaliDate => ({ jy: TODAY.jy - age, jm: TODAY.jm, jd: TODAY.jd });
/** Turns `age + 1` tomorrow: the last day of `age`. */
const lastDayOf = (age: number): JalaliDate => ({ jy: TODAY.jy - age - 1, jm: TODAY.jm, jd: TODAY.jd + 1 });

const evaluate = (relationship: Relationship, birth: JalaliDate | string, declared: Declared = {}) =>
  evaluateEligibility({ relationship, dependentBirthDate: birth, declared, today: TODAY });

const description = (id: (typeof RULE_IDS)[number]) => findRule(id)?.rule.description ?? "";

describe("ELIGIBILITY_RULES", () => {
  it("holds every rule id once, under the relationship it names", () => {
    const ids = RELATIONSHIPS.flatMap((r) => ELIGIBILITY_RULES[r].map((rule) => rule.id));
    expect([...ids].sort()).toEqual([...RULE_IDS].sort());
    for (const relationship of RELATIONSHIPS) {
      for (const rule of ELIGIBILITY_RULES[relationship]) expect(rule.id.startsWith(relationship)).toBe(true);
    }
  });

  it("describes each rule in Persian and has a question for each fact", () => {
    for (const id of RULE_IDS) expect(description(id)).toMatch(/^[\u0600-\u06FF]/);
    for (const fact of DECLARED_FACTS) expect(DECLARED_FACT_QUESTIONS[fact]).toMatch(/؟$/);
  });
});

describe("evaluateEligibility: wife and husband", () => {
  it("covers a wife of any age with the spouse documents", () => {
    for (const birth of [turnedToday(18), turnedToday(40), turnedToday(90)]) {
      expect(evaluate("WIFE", birth)).toEqual({
        eligible: true,
        rule: "WIFE",
        documents: ["MARRIAGE_CERTIFICATE", "BIRTH_CERTIFICATE", "NATIONAL_CARD"],
      });
    }
  });

  it("covers a husband from his 60th birthday (59 is not enough)", () => {
    const at59 = evaluate("HUSBAND", lastDayOf(59));
    expect(at59).toMatchObject({ eligible: false, missingDeclarations: ["disabled"] });
    expect(!at59.eligible && at59.reasons[0]).toContain(description("HUSBAND_OVER_60"));
    expect(!at59.eligible && at59.reasons[0]).toContain("۵۹ سال");
    expect(evaluate("HUSBAND", turnedToday(60))).toMatchObject({ eligible: true, rule: "HUSBAND_OVER_60" });
  });

  it("covers a disabled husband under 60 and asks for the disability verdict", () => {
    expect(evaluate("HUSBAND", turnedToday(45), { disabled: true })).toEqual({
      eligible: true,
      rule: "HUSBAND_DISABLED",
      documents: ["MARRIAGE_CERTIFICATE", "BIRTH_CERTIFICATE", "NATIONAL_CARD", "DISABILITY_VERDICT"],
    });
  });

  it("prefers the age rule for a disabled husband over 60 (nothing to prove)", () => {
    expect(evaluate("HUSBAND", turnedToday(70), { disabled: true })).toMatchObject({ rule: "HUSBAND_OVER_60" });
  });
});

describe("evaluateEligibility: sons", () => {
  it("covers a son up to his 18th birthday", () => {
    expect(evaluate("SON", turnedToday(10))).toEqual({ eligible: true, rule: "SON_UNDER_18", documents: ["BIRTH_CERTIFICATE"] });
    expect(evaluate("SON", lastDayOf(17))).toMatchObject({ eligible: true, rule: "SON_UNDER_18" });
    expect(evaluate("SON", turnedToday(0))).toMatchObject({ eligible: true, rule: "SON_UNDER_18" });
  });

  it("asks an 18-year-old son whether he studies or is disabled", () => {
    const result = evaluate("SON", turnedToday(18));
    expect(result).toMatchObject({ eligible: false, missingDeclarations: ["studying", "disabled"] });
    expect(!result.eligible && result.reasons).toEqual([
      `${description("SON_UNDER_18")} این فرد ۱۸ سال دارد.`,
      `${description("SON_18_20_STUDYING")} اعلام نکرده‌اید که او مشغول تحصیل است.`,
      `${description("SON_DISABLED")} اعلام نکرده‌اید که او ازکارافتاده است.`,
    ]);
  });

  it("covers a studying son from 18 until his 21st birthday, with proof of study", () => {
    for (const birth of [turnedToday(18), turnedToday(19), lastDayOf(20)]) {
      expect(evaluate("SON", birth, { studying: true })).toEqual({
        eligible: true,
        rule: "SON_18_20_STUDYING",
        documents: ["BIRTH_CERTIFICATE", "STUDY_CERTIFICATE"],
      });
    }
  });

  it("does not cover a studying son of 21", () => {
    const result = evaluate("SON", turnedToday(21), { studying: true });
    expect(result).toMatchObject({ eligible: false, missingDeclarations: ["disabled"] });
    expect(!result.eligible && result.reasons[1]).toBe(`${description("SON_18_20_STUDYING")} این فرد ۲۱ سال دارد.`);
  });

  it("refuses a 25-year-old son who is not disabled, naming the disability rule", () => {
    const result = evaluate("SON", turnedToday(25), { studying: true, disabled: false });
    expect(result.eligible).toBe(false);
    if (result.eligible) return;
    expect(result.missingDeclarations).toEqual([]);
    expect(result.reasons).toContain(`${description("SON_DISABLED")} طبق اعلام شما، او ازکارافتاده نیست.`);
    expect(description("SON_DISABLED")).toContain("ازکارافتادگی");
  });

  it("covers a disabled son at any age", () => {
    expect(evaluate("SON", turnedToday(25), { disabled: true })).toEqual({
      eligible: true,
      rule: "SON_DISABLED",
      documents: ["BIRTH_CERTIFICATE", "DISABILITY_VERDICT"],
    });
  });

  it("prefers the rule needing the fewest declarations, then the table's order", () => {
    expect(evaluate("SON", turnedToday(10), { disabled: true, studying: true })).toMatchObject({ rule: "SON_UNDER_18" });
    expect(evaluate("SON", turnedToday(19), { disabled: true, studying: true })).toMatchObject({
      rule: "SON_18_20_STUDYING",
    });
  });
});

describe("evaluateEligibility: daughters", () => {
  it("covers an unmarried daughter without employment, at any age", () => {
    for (const birth of [turnedToday(5), turnedToday(30)]) {
      expect(evaluate("DAUGHTER", birth, { unmarried: true, employed: false })).toEqual({
        eligible: true,
        rule: "DAUGHTER_UNMARRIED_UNEMPLOYED",
        documents: ["BIRTH_CERTIFICATE", "SINGLE_STATUS", "NO_EMPLOYMENT"],
      });
    }
  });

  it("asks both questions when nothing is declared", () => {
    expect(evaluate("DAUGHTER", turnedToday(22))).toMatchObject({
      eligible: false,
      missingDeclarations: ["unmarried", "employed"],
    });
  });

  it("refuses a married or employed daughter and does not ask again", () => {
    for (const declared of [
      { unmarried: false, employed: false },
      { unmarried: true, employed: true },
      { unmarried: false },
    ]) {
      const result = evaluate("DAUGHTER", turnedToday(22), declared);
      expect(result, JSON.stringify(declared)).toMatchObject({ eligible: false, missingDeclarations: [] });
      expect(!result.eligible && result.reasons[0]).toContain(description("DAUGHTER_UNMARRIED_UNEMPLOYED"));
    }
    const employed = evaluate("DAUGHTER", turnedToday(22), { unmarried: true, employed: true });
    expect(!employed.eligible && employed.reasons[0]).toContain("طبق اعلام شما، او شاغل است.");
  });
});

describe("evaluateEligibility: what the civil registry knows", () => {
  it("holds a daughter with a spouse in the registry as married, whatever was declared, says so, and never asks", () => {
    for (const declared of [{ unmarried: true, employed: false }, { employed: false }, {}]) {
      const result = evaluateEligibility({ relationship: "DAUGHTER", dependentBirthDate: turnedToday(27), declared, known: { unmarried: false }, today: TODAY });
      expect(result, JSON.stringify(declared)).toMatchObject({ eligible: false });
      expect(!result.eligible && result.missingDeclarations).not.toContain("unmarried");
      expect(!result.eligible && result.reasons[0]).toContain("طبق اطلاعات سازمان ثبت احوال، او ازدواج کرده است");
    }
  });
});

describe("evaluateEligibility: parents", () => {
  it("covers a supported father of 65", () => {
    expect(evaluate("FATHER", turnedToday(65), { supported: true })).toEqual({
      eligible: true,
      rule: "FATHER_OVER_60_SUPPORTED",
      documents: ["BIRTH_CERTIFICATE", "NATIONAL_CARD", "SUPPORT_DECLARATION"],
    });
  });

  it("covers a supported father from his 60th birthday (59 is not enough)", () => {
    expect(evaluate("FATHER", turnedToday(60), { supported: true })).toMatchObject({
      eligible: true,
      rule: "FATHER_OVER_60_SUPPORTED",
    });
    const at59 = evaluate("FATHER", lastDayOf(59), { supported: true });
    expect(at59).toMatchObject({ eligible: false, missingDeclarations: ["disabled"] });
    expect(!at59.eligible && at59.reasons[0]).toBe(`${description("FATHER_OVER_60_SUPPORTED")} این فرد ۵۹ سال دارد.`);
  });

  it("covers a supported mother from her 55th birthday (54 is not enough)", () => {
    expect(evaluate("MOTHER", turnedToday(55), { supported: true })).toMatchObject({
      eligible: true,
      rule: "MOTHER_OVER_55_SUPPORTED",
    });
    expect(evaluate("MOTHER", lastDayOf(54), { supported: true })).toMatchObject({
      eligible: false,
      missingDeclarations: ["disabled"],
    });
  });

  it("covers a disabled parent of any age only when supported", () => {
    for (const relationship of ["FATHER", "MOTHER"] as const) {
      expect(evaluate(relationship, turnedToday(45), { disabled: true, supported: true })).toMatchObject({
        eligible: true,
        rule: `${relationship}_DISABLED_SUPPORTED`,
        documents: ["BIRTH_CERTIFICATE", "NATIONAL_CARD", "DISABILITY_VERDICT", "SUPPORT_DECLARATION"],
      });
      expect(evaluate(relationship, turnedToday(45), { disabled: true })).toMatchObject({
        eligible: false,
        missingDeclarations: ["supported"],
      });
    }
  });

  it("refuses a parent the applicant does not support, without asking anything more", () => {
    const result = evaluate("FATHER", turnedToday(70), { supported: false });
    expect(result).toMatchObject({ eligible: false, missingDeclarations: [] });
    expect(!result.eligible && result.reasons[0]).toContain("طبق اعلام شما، مخارج او را شما تأمین نمی‌کنید.");
  });

  it("asks an older parent only about support, a younger one about disability too", () => {
    expect(evaluate("MOTHER", turnedToday(70))).toMatchObject({ eligible: false, missingDeclarations: ["supported"] });
    expect(evaluate("FATHER", turnedToday(45))).toMatchObject({
      eligible: false,
      missingDeclarations: ["disabled", "supported"],
    });
  });
});

describe("evaluateEligibility: birth dates", () => {
  it("accepts the registry's YYYY/MM/DD string", () => {
    expect(evaluate("SON", "1394/03/01")).toMatchObject({ eligible: true, rule: "SON_UNDER_18" });
  });

  it("refuses an impossible or unreadable birth date instead of throwing", () => {
    for (const birth of ["1404/07/31", "1403/13/01", "", "not a date", { jy: 1404, jm: 7, jd: 31 }, { jy: NaN, jm: 1, jd: 1 }]) {
      const result = evaluate("WIFE", birth);
      expect(result, JSON.stringify(birth)).toEqual({
        eligible: false,
        reasons: ["تاریخ تولد این فرد معتبر نیست."],
        missingDeclarations: [],
      });
    }
  });

  it("refuses a birth date after today", () => {
    expect(evaluate("SON", { jy: 1404, jm: 6, jd: 16 })).toEqual({
      eligible: false,
      reasons: ["تاریخ تولد این فرد بعد از امروز است."],
      missingDeclarations: [],
    });
  });
});

// Property tests ---------------------------------------------------------------

const RUNS = { numRuns: 3000 };

const relationshipArb = fc.constantFrom(...RELATIONSHIPS);
const answerArb = fc.option(fc.boolean(), { nil: undefined });
const declaredArb: fc.Arbitrary<Declared> = fc.record(
  { studying: answerArb, disabled: answerArb, unmarried: answerArb, employed: answerArb, supported: answerArb },
  { requiredKeys: [] },
);
const todayArb = fc.record({ jy: fc.integer({ min: 1380, max: 1430 }), jm: fc.integer({ min: 1, max: 12 }), jd: fc.integer({ min: 1, max: 29 }) });
// Mostly plausible birth dates (including impossible days such as 31 Mehr and
// births after today), some junk strings and non-integer parts.
const birthArb: fc.Arbitrary<JalaliDate | string> = fc.oneof(
  { weight: 8, arbitrary: fc.record({ jy: fc.integer({ min: 1280, max: 1440 }), jm: fc.integer({ min: 1, max: 12 }), jd: fc.integer({ min: 1, max: 31 }) }) },
  { weight: 1, arbitrary: fc.string() },
  { weight: 1, arbitrary: fc.record({ jy: fc.double(), jm: fc.integer({ min: -5, max: 20 }), jd: fc.double() }) },
);
const factsArb = fc.subarray([...DECLARED_FACTS]);

/** `declared` with each of `facts` set to the answer that helps the claim. */
function withQualifying(declared: Declared, facts: readonly DeclaredFact[]): Declared {
  const next = { ...declared };
  for (const fact of facts) next[fact] = QUALIFYING_ANSWER[fact];
  return next;
}

describe("evaluateEligibility properties", () => {
  it("never throws and always returns a well-formed result", () => {
    fc.assert(
      fc.property(relationshipArb, birthArb, declaredArb, todayArb, (relationship, birth, declared, today) => {
        const result = evaluateEligibility({ relationship, dependentBirthDate: birth, declared, today });
        if (result.eligible) {
          expect(ELIGIBILITY_RULES[relationship].map((r) => r.id)).toContain(result.rule);
        } else {
          expect(result.reasons.length).toBeGreaterThan(0);
          for (const fact of result.missingDeclarations) expect(declared[fact]).toBeUndefined();
        }
      }),
      RUNS,
    );
  });

  it("lists the relationship's base documents first in every eligible result", () => {
    fc.assert(
      fc.property(relationshipArb, birthArb, declaredArb, todayArb, (relationship, birth, declared, today) => {
        const result = evaluateEligibility({ relationship, dependentBirthDate: birth, declared, today });
        if (!result.eligible) return;
        const base = BASE_DOCUMENTS[relationship];
        expect(result.documents.slice(0, base.length)).toEqual(base);
        expect(new Set(result.documents).size).toBe(result.documents.length);
      }),
      RUNS,
    );
  });

  it("is monotone: declaring more facts in the dependent's favour never turns eligible into ineligible", () => {
    fc.assert(
      fc.property(relationshipArb, birthArb, declaredArb, todayArb, factsArb, (relationship, birth, declared, today, facts) => {
        const before = evaluateEligibility({ relationship, dependentBirthDate: birth, declared, today });
        const after = evaluateEligibility({
          relationship,
          dependentBirthDate: birth,
          declared: withQualifying(declared, facts),
          today,
        });
        if (before.eligible) expect(after.eligible).toBe(true);
      }),
      RUNS,
    );
  });

  it("is monotone in the literal sense too: setting studying, disabled, unmarried or supported to true", () => {
    const positiveFacts = DECLARED_FACTS.filter((f) => QUALIFYING_ANSWER[f]);
    fc.assert(
      fc.property(relationshipArb, birthArb, declaredArb, todayArb, fc.subarray(positiveFacts), (relationship, birth, declared, today, facts) => {
        const more: Declared = { ...declared };
        for (const fact of facts) more[fact] = true;
        const before = evaluateEligibility({ relationship, dependentBirthDate: birth, declared, today });
        const after = evaluateEligibility({ relationship, dependentBirthDate: birth, declared: more, today });
        if (before.eligible) expect(after.eligible).toBe(true);
      }),
      RUNS,
    );
  });

  it("asks for exactly what could help: answering the missing facts favourably makes the dependent eligible, and a final refusal stays final", () => {
    fc.assert(
      fc.property(relationshipArb, birthArb, declaredArb, todayArb, (relationship, birth, declared, today) => {
        const result = evaluateEligibility({ relationship, dependentBirthDate: birth, declared, today });
        if (result.eligible) return;
        const unanswered = DECLARED_FACTS.filter((f) => declared[f] === undefined);
        const answered = result.missingDeclarations.length > 0 ? result.missingDeclarations : unanswered;
        const after = evaluateEligibility({
          relationship,
          dependentBirthDate: birth,
          declared: withQualifying(declared, answered),
          today,
        });
        expect(after.eligible).toBe(result.missingDeclarations.length > 0);
      }),
      RUNS,
    );
  });
});
