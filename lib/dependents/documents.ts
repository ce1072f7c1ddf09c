// The documents an applicant uploads for a dependent, and the checklist for one
// relationship and rule. Which documents a rule needs is part of the rules
// table in eligibility.ts; this file names them and orders the list.

import {
  BASE_DOCUMENTS,
  DECLARED_FACTS,
  ELIGIBILITY_RULES,
  QUALIFYING_ANSWER,
  type Declared,
  type DeclaredFact,
  type RuleId,
} from "./eligibility";
import type { Relationship } from "./relationships";

export const DOCUMENT_KINDS = [
  "MARRIAGE_CERTIFICATE",
  "BIRTH_CERTIFICATE",
  "NATIONAL_CARD",
  "STUDY_CERTIFICATE",
  "DISABILITY_VERDICT",
  "SINGLE_STATUS",
  "NO_EMPLOYMENT",
  "SUPPORT_DECLARATION",
] as const;

export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENTS: Readonly<Record<DocumentKind, { label: string; hint: string }>> = {
  MARRIAGE_CERTIFICATE: {
    label: "سند ازدواج",
    hint: "صفحه‌های مشخصات زن و شوهر و ثبت ازدواج در سند ازدواج (عقدنامه).",
  },
  BIRTH_CERTIFICATE: {
    label: "صفحات شناسنامه",
    hint: "تصویر همه صفحه‌های نوشته‌دار شناسنامه فرد تحت تکفل.",
  },
  NATIONAL_CARD: {
    label: "کارت ملی فرد تحت تکفل",
    hint: "تصویر روی و پشت کارت ملی.",
  },
  STUDY_CERTIFICATE: {
    label: "گواهی اشتغال به تحصیل",
    hint: "گواهی مدرسه یا دانشگاه برای سال تحصیلی جاری، با مهر و تاریخ.",
  },
  DISABILITY_VERDICT: {
    label: "رأی کمیسیون پزشکی (ازکارافتادگی)",
    hint: "رأی کمیسیون پزشکی که ازکارافتادگی فرد تحت تکفل را تأیید کرده است.",
  },
  SINGLE_STATUS: {
    label: "گواهی تجرد / صفحه ازدواج شناسنامه",
    hint: "صفحه ازدواج و طلاق شناسنامه، یا گواهی تجرد از اداره ثبت احوال.",
  },
  NO_EMPLOYMENT: {
    label: "گواهی عدم اشتغال / عدم بیمه",
    hint: "گواهی اینکه فرد تحت تکفل شاغل نیست و در هیچ صندوق بیمه‌ای بیمه‌پرداز نیست.",
  },
  SUPPORT_DECLARATION: {
    label: "تعهدنامه تکفل",
    hint: "تعهدنامه امضاشده شما که مخارج زندگی او را تأمین می‌کنید.",
  },
};

/** The document that proves each declared fact. */
export const FACT_EVIDENCE: Readonly<Record<DeclaredFact, DocumentKind>> = {
  studying: "STUDY_CERTIFICATE",
  disabled: "DISABILITY_VERDICT",
  unmarried: "SINGLE_STATUS",
  employed: "NO_EMPLOYMENT",
  supported: "SUPPORT_DECLARATION",
};

export type ChecklistItem = { kind: DocumentKind; label: string; hint: string; required: boolean };

/**
 * The upload checklist: the relationship's base documents, then the matched
 * rule's, all required; then, optional, the evidence for facts the applicant
 * declared that another rule of the same relationship relies on. Uploading
 * those now keeps cover going when the matched rule ends (a disabled son
 * turning 18). Facts no rule of the relationship uses are ignored.
 *
 * Throws RangeError when `rule` belongs to another relationship: that is a
 * bug in the caller, not something an applicant can cause.
 */
export function documentChecklist({
  relationship,
  rule,
  declared = {},
}: {
  relationship: Relationship;
  rule: RuleId;
  declared?: Declared;
}): ChecklistItem[] {
  const rules = ELIGIBILITY_RULES[relationship];
  const matched = rules.find((r) => r.id === rule);
  if (!matched) throw new RangeError(`documentChecklist: rule ${rule} is not a rule for ${relationship}`);

  const required = new Set<DocumentKind>([...BASE_DOCUMENTS[relationship], ...matched.documents]);
  const usedFacts = new Set(rules.flatMap((r) => r.requires));
  const optional = DECLARED_FACTS.filter(
    (fact) => usedFacts.has(fact) && declared[fact] === QUALIFYING_ANSWER[fact],
  )
    .map((fact) => FACT_EVIDENCE[fact])
    .filter((kind) => !required.has(kind));

  return [
    ...[...required].map((kind) => ({ kind, ...DOCUMENTS[kind], required: true })),
    ...[...new Set(optional)].map((kind) => ({ kind, ...DOCUMENTS[kind], required: false })),
  ];
}
