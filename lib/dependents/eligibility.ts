// Who may be covered as a dependent, as one table of rules. A relationship is
// covered when any one of its rules is met; each rule is an age range plus the
// facts the applicant must declare because the civil registry does not hold
// them (studying, disabled, unmarried, employed, supported). Adding or changing
// a rule means editing the table, not the code below it.

import { toPersianDigits } from "@/lib/utils/digits";
import { ageOn, formatJalaliDate, parseJalaliDate, type JalaliDate } from "@/lib/utils/jalali";
// Type-only: documents.ts reads this table at run time, never the reverse.
import type { DocumentKind } from "./documents";
import type { Relationship } from "./relationships";

export const DECLARED_FACTS = ["studying", "disabled", "unmarried", "employed", "supported"] as const;

export type DeclaredFact = (typeof DECLARED_FACTS)[number];

/** What the applicant states about the dependent; undefined means "not asked yet". */
export type Declared = Partial<Record<DeclaredFact, boolean>>;

/**
 * The answer that helps a claim. Every fact counts for the dependent when true,
 * except employment: a daughter is covered while she is NOT employed. Keeping
 * the field as `employed` matches the question the form asks.
 */
export const QUALIFYING_ANSWER: Readonly<Record<DeclaredFact, boolean>> = {
  studying: true,
  disabled: true,
  unmarried: true,
  employed: false,
  supported: true,
};

/** The yes/no question the form asks for each fact. */
export const DECLARED_FACT_QUESTIONS: Readonly<Record<DeclaredFact, string>> = {
  studying: "آیا او اکنون مشغول تحصیل است؟",
  disabled: "آیا کمیسیون پزشکی او را ازکارافتاده شناخته است؟",
  unmarried: "آیا او ازدواج نکرده است؟",
  employed: "آیا او شاغل است یا بیمه‌پرداز صندوق دیگری است؟",
  supported: "آیا مخارج زندگی او را شما تأمین می‌کنید؟",
};

export const RULE_IDS = [
  "WIFE",
  "HUSBAND_OVER_60",
  "HUSBAND_DISABLED",
  "SON_UNDER_18",
  "SON_18_20_STUDYING",
  "SON_DISABLED",
  "DAUGHTER_UNMARRIED_UNEMPLOYED",
  "FATHER_OVER_60_SUPPORTED",
  "FATHER_DISABLED_SUPPORTED",
  "MOTHER_OVER_55_SUPPORTED",
  "MOTHER_DISABLED_SUPPORTED",
] as const;

export type RuleId = (typeof RULE_IDS)[number];

export type Rule = {
  id: RuleId;
  /** The rule in plain Persian, as shown to the applicant when it is not met. */
  description: string;
  /** Completed years on the day of the check, both ends inclusive; absent means any age. */
  age?: { min?: number; max?: number };
  /** Facts that must be declared with their QUALIFYING_ANSWER. */
  requires: readonly DeclaredFact[];
  /** Evidence for `requires`, uploaded on top of the relationship's BASE_DOCUMENTS. */
  documents: readonly DocumentKind[];
};

/**
 * Documents every dependent of a relationship needs, whichever rule applies:
 * proof of the bond and of identity. Children get no national card here
 * because one is issued only from age 15; the registry check has already
 * identified them.
 */
export const BASE_DOCUMENTS: Readonly<Record<Relationship, readonly DocumentKind[]>> = {
  WIFE: ["MARRIAGE_CERTIFICATE", "BIRTH_CERTIFICATE", "NATIONAL_CARD"],
  HUSBAND: ["MARRIAGE_CERTIFICATE", "BIRTH_CERTIFICATE", "NATIONAL_CARD"],
  SON: ["BIRTH_CERTIFICATE"],
  DAUGHTER: ["BIRTH_CERTIFICATE"],
  FATHER: ["BIRTH_CERTIFICATE", "NATIONAL_CARD"],
  MOTHER: ["BIRTH_CERTIFICATE", "NATIONAL_CARD"],
};

// Ages are completed years (ageOn). "Under 18" is at most 17; "18 to 20" keeps
// a son covered until his 21st birthday. The law's "over 60" / "over 55" is
// ambiguous between "60 or older" and "older than 60"; we read it as
// "at least 60" / "at least 55" completed years, the reading that does not
// leave someone uncovered for a year after the birthday the law names.
export const ELIGIBILITY_RULES: Readonly<Record<Relationship, readonly Rule[]>> = {
  WIFE: [
    {
      id: "WIFE",
      description: "همسر (زن) بدون شرط سنی تحت پوشش قرار می‌گیرد.",
      requires: [],
      documents: [],
    },
  ],
  HUSBAND: [
    {
      id: "HUSBAND_OVER_60",
      description: "همسر (مرد) در صورتی تحت پوشش قرار می‌گیرد که دست‌کم ۶۰ سال داشته باشد.",
      age: { min: 60 },
      requires: [],
      documents: [],
    },
    {
      id: "HUSBAND_DISABLED",
      description: "همسر (مرد) در صورت ازکارافتادگی در هر سنی تحت پوشش قرار می‌گیرد.",
      requires: ["disabled"],
      documents: ["DISABILITY_VERDICT"],
    },
  ],
  SON: [
    {
      id: "SON_UNDER_18",
      description: "پسر تا پیش از ۱۸ سالگی تحت پوشش قرار می‌گیرد.",
      age: { max: 17 },
      requires: [],
      documents: [],
    },
    {
      id: "SON_18_20_STUDYING",
      description: "پسر ۱۸ تا ۲۰ ساله در صورت اشتغال به تحصیل تحت پوشش قرار می‌گیرد.",
      age: { min: 18, max: 20 },
      requires: ["studying"],
      documents: ["STUDY_CERTIFICATE"],
    },
    {
      id: "SON_DISABLED",
      description: "پسر در صورت ازکارافتادگی در هر سنی تحت پوشش قرار می‌گیرد.",
      requires: ["disabled"],
      documents: ["DISABILITY_VERDICT"],
    },
  ],
  DAUGHTER: [
    {
      id: "DAUGHTER_UNMARRIED_UNEMPLOYED",
      description: "دختر تا زمانی که ازدواج نکرده و شاغل نیست تحت پوشش قرار می‌گیرد.",
      requires: ["unmarried", "employed"],
      documents: ["SINGLE_STATUS", "NO_EMPLOYMENT"],
    },
  ],
  FATHER: [
    {
      id: "FATHER_OVER_60_SUPPORTED",
      description: "پدر در صورتی تحت پوشش قرار می‌گیرد که دست‌کم ۶۰ سال داشته باشد و مخارج او را شما تأمین کنید.",
      age: { min: 60 },
      requires: ["supported"],
      documents: ["SUPPORT_DECLARATION"],
    },
    {
      id: "FATHER_DISABLED_SUPPORTED",
      description: "پدر ازکارافتاده در هر سنی تحت پوشش قرار می‌گیرد، به شرط آنکه مخارج او را شما تأمین کنید.",
      requires: ["disabled", "supported"],
      documents: ["DISABILITY_VERDICT", "SUPPORT_DECLARATION"],
    },
  ],
  MOTHER: [
    {
      id: "MOTHER_OVER_55_SUPPORTED",
      description: "مادر در صورتی تحت پوشش قرار می‌گیرد که دست‌کم ۵۵ سال داشته باشد و مخارج او را شما تأمین کنید.",
      age: { min: 55 },
      requires: ["supported"],
      documents: ["SUPPORT_DECLARATION"],
    },
    {
      id: "MOTHER_DISABLED_SUPPORTED",
      description: "مادر ازکارافتاده در هر سنی تحت پوشش قرار می‌گیرد، به شرط آنکه مخارج او را شما تأمین کنید.",
      requires: ["disabled", "supported"],
      documents: ["DISABILITY_VERDICT", "SUPPORT_DECLARATION"],
    },
  ],
};

/** The rule with this id, or undefined if there is none. */
export function findRule(id: RuleId): { relationship: Relationship; rule: Rule } | undefined {
  for (const [relationship, rules] of Object.entries(ELIGIBILITY_RULES) as [Relationship, readonly Rule[]][]) {
    const rule = rules.find((r) => r.id === id);
    if (rule) return { relationship, rule };
  }
  return undefined;
}

export type EligibilityResult =
  | { eligible: true; rule: RuleId; documents: DocumentKind[] }
  | {
      eligible: false;
      /** One sentence pair per rule of the relationship, naming the rule and why it is not met. */
      reasons: string[];
      /**
       * Facts not answered yet whose qualifying answer (QUALIFYING_ANSWER: true,
       * or false for `employed`) could make the dependent eligible, in
       * DECLARED_FACTS order, so the form knows what to ask next. Answering all
       * of them favourably makes the dependent eligible; facts already answered
       * are never repeated, and neither are facts that only a rule needing more
       * than another would use. When this is empty the refusal is final.
       */
      missingDeclarations: DeclaredFact[];
    };

const NOT_DECLARED: Readonly<Record<DeclaredFact, string>> = {
  studying: "اعلام نکرده‌اید که او مشغول تحصیل است.",
  disabled: "اعلام نکرده‌اید که او ازکارافتاده است.",
  unmarried: "اعلام نکرده‌اید که او ازدواج نکرده است.",
  employed: "اعلام نکرده‌اید که او شاغل نیست.",
  supported: "اعلام نکرده‌اید که مخارج او را شما تأمین می‌کنید.",
};

const DECLARED_OTHERWISE: Readonly<Record<DeclaredFact, string>> = {
  studying: "طبق اعلام شما، او مشغول تحصیل نیست.",
  disabled: "طبق اعلام شما، او ازکارافتاده نیست.",
  unmarried: "طبق اعلام شما، او ازدواج کرده است.",
  employed: "طبق اعلام شما، او شاغل است.",
  supported: "طبق اعلام شما، مخارج او را شما تأمین نمی‌کنید.",
};

/** Why a fact the civil registry records rules a rule out (said instead of what was declared). */
const KNOWN_OTHERWISE: Readonly<Partial<Record<DeclaredFact, string>>> = {
  unmarried: "طبق اطلاعات سازمان ثبت احوال، او ازدواج کرده است (همسر او در ثبت احوال ثبت شده است).",
};

type FactStatus = "qualifying" | "contrary" | "unanswered";

function factStatus(declared: Declared, fact: DeclaredFact): FactStatus {
  const answer: unknown = declared[fact];
  // Anything but a boolean (e.g. a raw form value) counts as not answered.
  if (typeof answer !== "boolean") return "unanswered";
  return answer === QUALIFYING_ANSWER[fact] ? "qualifying" : "contrary";
}

function ageFits(rule: Rule, age: number): boolean {
  const min = rule.age?.min;
  const max = rule.age?.max;
  return (min === undefined || age >= min) && (max === undefined || age <= max);
}

function toBirthDate(value: JalaliDate | string): JalaliDate | null {
  if (typeof value === "string") return parseJalaliDate(value);
  // Round-tripping through the storage form rejects impossible or non-integer dates.
  if (![value.jy, value.jm, value.jd].every(Number.isSafeInteger) || value.jy < 0) return null;
  return parseJalaliDate(formatJalaliDate(value));
}

function refusal(reasons: string[], missingDeclarations: DeclaredFact[] = []): EligibilityResult {
  return { eligible: false, reasons, missingDeclarations };
}

/**
 * Decides whether the dependent may be covered under `relationship` on `today`.
 * When several rules are met, the one needing the fewest declared facts wins
 * (ties go to the table's order), so the applicant uploads as little as
 * possible. Never throws: an unreadable birth date is a refusal.
 */
export function evaluateEligibility({
  relationship,
  dependentBirthDate,
  declared: declaredByApplicant = {},
  known = {},
  today,
}: {
  relationship: Relationship;
  /** A JalaliDate, or the registry's "YYYY/MM/DD" string. */
  dependentBirthDate: JalaliDate | string;
  declared?: Declared;
  /** Facts the civil registry records (a spouse: not unmarried). They stand over what was declared and are never asked. */
  known?: Partial<Record<DeclaredFact, boolean>>;
  today: JalaliDate;
}): EligibilityResult {
  const declared: Declared = { ...declaredByApplicant, ...known };
  const otherwise = (fact: DeclaredFact) => (known[fact] !== undefined ? (KNOWN_OTHERWISE[fact] ?? DECLARED_OTHERWISE[fact]) : DECLARED_OTHERWISE[fact]);
  const birth = toBirthDate(dependentBirthDate);
  if (!birth) return refusal(["تاریخ تولد این فرد معتبر نیست."]);
  const age = ageOn(birth, today);
  if (!(age >= 0)) return refusal(["تاریخ تولد این فرد بعد از امروز است."]);

  const rules = ELIGIBILITY_RULES[relationship];
  let best: Rule | undefined;
  const reasons: string[] = [];
  // Unanswered facts of each rule that asking could still satisfy.
  const askable: DeclaredFact[][] = [];

  for (const rule of rules) {
    if (!ageFits(rule, age)) {
      reasons.push(`${rule.description} این فرد ${toPersianDigits(age)} سال دارد.`);
      continue;
    }
    const unmet = rule.requires.filter((fact) => factStatus(declared, fact) !== "qualifying");
    if (unmet.length === 0) {
      if (!best || rule.requires.length < best.requires.length) best = rule;
      continue;
    }
    reasons.push(
      [
        rule.description,
        ...unmet.map((fact) =>
          factStatus(declared, fact) === "contrary" ? otherwise(fact) : NOT_DECLARED[fact],
        ),
      ].join(" "),
    );
    // A rule the applicant has already answered against cannot be met by asking more.
    if (unmet.every((fact) => factStatus(declared, fact) === "unanswered")) askable.push(unmet);
  }

  if (best) {
    return { eligible: true, rule: best.id, documents: [...new Set([...BASE_DOCUMENTS[relationship], ...best.documents])] };
  }
  // A rule needing a superset of another's facts adds only needless questions
  // (a mother over 55 need not be asked about disability, only support).
  const needed = askable.filter(
    (facts) => !askable.some((other) => other.length < facts.length && other.every((f) => facts.includes(f))),
  );
  const missing = new Set(needed.flat());
  return refusal(reasons, DECLARED_FACTS.filter((fact) => missing.has(fact)));
}
