// First-degree family members an insured person or pensioner may enrol as
// dependents, and the check that the civil registry agrees with the claimed
// relationship. Pure: the caller looks both people up in the registry first.

import type { RegistryPerson } from "@/lib/adapters/civil-registry/civil-registry";

export const RELATIONSHIPS = ["WIFE", "HUSBAND", "SON", "DAUGHTER", "FATHER", "MOTHER"] as const;

export type Relationship = (typeof RELATIONSHIPS)[number];

/** What the applicant picks in the form: "the dependent is my …". */
export const RELATIONSHIP_LABELS: Readonly<Record<Relationship, string>> = {
  WIFE: "همسر (زن)",
  HUSBAND: "همسر (مرد)",
  SON: "پسر",
  DAUGHTER: "دختر",
  FATHER: "پدر",
  MOTHER: "مادر",
};

export function isRelationship(value: unknown): value is Relationship {
  return typeof value === "string" && (RELATIONSHIPS as readonly string[]).includes(value);
}

export type RelationshipRefusal = "NOT_RELATED" | "WRONG_GENDER" | "DECEASED" | "SELF";

export type RelationshipCheck = { ok: true } | { ok: false; reason: RelationshipRefusal; message: string };

type Gender = RegistryPerson["gender"];

// The same bond seen with the other gender: a daughter picked as "son" is
// still the applicant's child, so the message can point to the right choice.
const COUNTERPART: Readonly<Record<Relationship, Relationship>> = {
  WIFE: "HUSBAND",
  HUSBAND: "WIFE",
  SON: "DAUGHTER",
  DAUGHTER: "SON",
  FATHER: "MOTHER",
  MOTHER: "FATHER",
};

// Plain nouns for "this person is not your …"; a gender mismatch is reported
// separately, so the noun does not repeat the gender.
const KIN_NOUN: Readonly<Record<Relationship, string>> = {
  WIFE: "همسر",
  HUSBAND: "همسر",
  SON: "فرزند",
  DAUGHTER: "فرزند",
  FATHER: "پدر",
  MOTHER: "مادر",
};

const DEPENDENT_GENDER: Readonly<Record<Relationship, Gender>> = {
  WIFE: "female",
  HUSBAND: "male",
  SON: "male",
  DAUGHTER: "female",
  FATHER: "male",
  MOTHER: "female",
};

// Only marriage in the registry constrains the applicant's own gender.
const APPLICANT_GENDER: Readonly<Partial<Record<Relationship, Gender>>> = {
  WIFE: "male",
  HUSBAND: "female",
};

/**
 * Whether the registry links the two people in the claimed way, ignoring gender.
 *
 * Marriage is recorded on both people but the registry keeps only one spouse
 * per person, and a man may have more than one wife: his record names one of
 * them while each wife's record names him. So either direction is enough.
 */
function isLinked(applicant: RegistryPerson, dependent: RegistryPerson, relationship: Relationship): boolean {
  switch (relationship) {
    case "WIFE":
    case "HUSBAND":
      return dependent.spouseNationalId === applicant.nationalId || applicant.spouseNationalId === dependent.nationalId;
    case "SON":
    case "DAUGHTER":
      return dependent.fatherNationalId === applicant.nationalId || dependent.motherNationalId === applicant.nationalId;
    case "FATHER":
      return applicant.fatherNationalId === dependent.nationalId;
    case "MOTHER":
      return applicant.motherNationalId === dependent.nationalId;
  }
}

function hasExpectedGenders(applicant: RegistryPerson, dependent: RegistryPerson, relationship: Relationship): boolean {
  const applicantGender = APPLICANT_GENDER[relationship];
  return (
    dependent.gender === DEPENDENT_GENDER[relationship] &&
    (applicantGender === undefined || applicant.gender === applicantGender)
  );
}

/**
 * Checks the claimed relationship against the civil registry.
 *
 * Order matters for what is disclosed: the relationship link is checked before
 * anything else, so the portal never tells an applicant whether an unrelated
 * person is alive, or their gender.
 */
export function verifyRelationship({
  applicant,
  dependent,
  relationship,
}: {
  applicant: RegistryPerson;
  dependent: RegistryPerson;
  relationship: Relationship;
}): RelationshipCheck {
  if (applicant.nationalId === dependent.nationalId) {
    return { ok: false, reason: "SELF", message: "نمی‌توانید خودتان را به‌عنوان فرد تحت تکفل ثبت کنید." };
  }
  if (!isLinked(applicant, dependent, relationship)) {
    return {
      ok: false,
      reason: "NOT_RELATED",
      message: `طبق اطلاعات ثبت احوال، این فرد ${KIN_NOUN[relationship]} شما نیست. اگر این اطلاعات درست نیست، ابتدا آن را در اداره ثبت احوال اصلاح کنید.`,
    };
  }
  if (!dependent.isAlive) {
    return {
      ok: false,
      reason: "DECEASED",
      message: "طبق اطلاعات ثبت احوال، این فرد در قید حیات نیست و نمی‌توان او را تحت تکفل ثبت کرد.",
    };
  }
  if (!hasExpectedGenders(applicant, dependent, relationship)) {
    const counterpart = COUNTERPART[relationship];
    // For parents the counterpart is a different registry link, so it is checked too.
    const suggestion =
      isLinked(applicant, dependent, counterpart) && hasExpectedGenders(applicant, dependent, counterpart)
      ? ` نسبت «${RELATIONSHIP_LABELS[counterpart]}» را انتخاب کنید.`
      : "";
    return {
      ok: false,
      reason: "WRONG_GENDER",
      message: `نسبت «${RELATIONSHIP_LABELS[relationship]}» با جنسیت ثبت‌شده در ثبت احوال سازگار نیست.${suggestion}`,
    };
  }
  return { ok: true };
}
