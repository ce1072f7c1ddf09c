import { z } from "zod";
import type { ChecklistItem } from "@/lib/dependents/document-checklist";
import { DECLARED_FACTS, type Declared, type DeclaredFact } from "@/lib/dependents/eligibility";
import { RELATIONSHIPS } from "@/lib/dependents/relationships";
import { zBirthDate, zNationalId } from "./fields";
import type { FormState } from "./form-state";

/** The radio group of one declared fact: "yes", "no", or left unanswered. */
export const declaredFieldName = (fact: DeclaredFact) => `declared_${fact}` as const;
/** The file input of one checklist document. */
export const documentFieldName = (kind: ChecklistItem["kind"]) => `doc_${kind}` as const;

const zAnswer = z.preprocess(
  (value) => (value === "yes" ? true : value === "no" ? false : undefined),
  z.boolean().optional(),
);

/**
 * The answers of «اضافه کردن فرد جدید تحت پوشش». The same fields travel as
 * inputs in step A ("check") and as hidden fields in step B ("enrol"), so the
 * server checks both steps the same way.
 */
export const ZDependentAnswers = z
  .object({
    step: z.enum(["check", "enrol"]).catch("check"),
    dependentNationalId: zNationalId,
    dependentBirthDate: zBirthDate,
    relationship: z.enum(RELATIONSHIPS, { error: "نسبت این فرد با خودتان را انتخاب کنید." }),
    submissionId: z.uuid("فرم نامعتبر است. صفحه را دوباره باز کنید."),
    ...Object.fromEntries(DECLARED_FACTS.map((fact) => [declaredFieldName(fact), zAnswer])),
  })
  .transform(({ step, dependentNationalId, dependentBirthDate, relationship, submissionId, ...answers }) => {
    const declared: Declared = {};
    for (const fact of DECLARED_FACTS) {
      const answer = (answers as Record<string, boolean | undefined>)[declaredFieldName(fact)];
      if (answer !== undefined) declared[fact] = answer;
    }
    return { step, dependentNationalId, dependentBirthDate, relationship, submissionId, declared };
  });
export type TDependentAnswers = z.infer<typeof ZDependentAnswers>;

export const DEPENDENT_TEXT_FIELDS = [
  "step",
  "dependentNationalId",
  "dependentBirthDate",
  "relationship",
  "submissionId",
  ...DECLARED_FACTS.map(declaredFieldName),
] as const;

/** What the civil registry confirmed, and what to upload: shown in step B. */
export type TCheckedDependent = {
  firstName: string;
  lastName: string;
  fatherName: string;
  /** Already covered or requested by another insured person: staff will review. */
  duplicate: "COVERED" | "REQUESTED" | null;
  checklist: ChecklistItem[];
};

export type DependentFormState = FormState & {
  /** Each reason the rules were not met, listed in the error summary. */
  reasons?: string[];
  /** Present once the registry check passed: the form shows step B. */
  checked?: TCheckedDependent;
};

/**
 * The field that carries a document's token when the browser sent the file
 * ahead (with upload progress) instead of with the form.
 */
export const stagedFieldName = (field: string) => `${field}__staged`;
