// The upload checklist for one relationship and eligibility rule: the documents
// of the rules table (eligibility.ts), named and ordered (documents.ts).

import { DOCUMENTS, type DocumentKind } from "./documents";
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
