// Fuzzing of the dependent-enrolment answers (both steps): nothing throws, the
// output has exactly the documented fields with valid values, the declared
// facts are exactly the "yes"/"no" answers, and valid answers always pass.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DECLARED_FACTS } from "@/lib/dependents/eligibility";
import { RELATIONSHIPS } from "@/lib/dependents/relationships";
import {
  anyString,
  anyValue,
  fuzz,
  hostileInput,
  oracleJalaliDate,
  oracleNationalId,
  oracleStoredJalali,
  oracleTodayJalali,
  fuzzFile,
  typedDigits,
  validNationalId,
  validUuid,
  withPoisonKeys,
} from "@/tests/support/fuzz";
import { declaredFieldName, ZDependentAnswers } from "./dependent";

fuzzFile("lib/schemas/dependent.ts");

const today = oracleTodayJalali();
const pastDate = fc
  .tuple(fc.integer({ min: today.jy - 129, max: today.jy - 1 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
  .filter(([y, m, d]) => oracleJalaliDate(y, m, d))
  .map(([y, m, d]) => `${y}/${String(m).padStart(2, "0")}/${String(d).padStart(2, "0")}`);
const answer = fc.oneof(fc.constantFrom<unknown>("yes", "no", "", "YES", " yes", "true", true, false, 1, 0, null, undefined), anyValue);
const declaredFields = Object.fromEntries(DECLARED_FACTS.map((fact) => [declaredFieldName(fact), answer]));

describe("ZDependentAnswers", () => {
  it("never throws; what it accepts has only the documented fields, each valid, and declares exactly the yes/no answers", () => {
    fuzz(
      "ZDependentAnswers",
      hostileInput({
        step: fc.oneof(fc.constantFrom("check", "enrol", "ENROL", ""), anyString),
        dependentNationalId: fc.oneof(validNationalId, anyString),
        dependentBirthDate: fc.oneof(pastDate, anyString),
        relationship: fc.oneof(fc.constantFrom<string>(...RELATIONSHIPS, "son", "__proto__"), anyString),
        submissionId: fc.oneof(validUuid, anyString),
        ...declaredFields,
      }),
      (input) => {
        const result = ZDependentAnswers.safeParse(input);
        if (!result.success) return;
        const out = result.data;
        const raw = input as Record<string, unknown>;
        expect(Object.keys(out).sort()).toEqual(["declared", "dependentBirthDate", "dependentNationalId", "relationship", "step", "submissionId"]);
        expect(out.step).toBe(raw.step === "enrol" ? "enrol" : "check");
        expect(oracleNationalId(out.dependentNationalId)).toBe(true);
        expect(oracleStoredJalali(out.dependentBirthDate)).toBe(true);
        expect(RELATIONSHIPS).toContain(out.relationship);
        expect(out.relationship).toBe(raw.relationship);
        expect(Object.getPrototypeOf(out.declared)).toBe(Object.prototype);
        const expectedDeclared = Object.fromEntries(
          DECLARED_FACTS.flatMap((fact) => {
            const value = raw[declaredFieldName(fact)];
            return value === "yes" ? [[fact, true]] : value === "no" ? [[fact, false]] : [];
          }),
        );
        expect(out.declared).toStrictEqual(expectedDeclared);
      },
    );
  });

  it("accepts every valid set of answers, with IDs typed in any digits, and keeps the answers given", () => {
    const answers = fc.record(Object.fromEntries(DECLARED_FACTS.map((fact) => [fact, fc.constantFrom("yes", "no")])), { requiredKeys: [] });
    fuzz(
      "ZDependentAnswers",
      fc
        .tuple(fc.constantFrom("check", "enrol"), validNationalId, pastDate, fc.constantFrom(...RELATIONSHIPS), validUuid, answers, fc.boolean())
        .chain(([step, id, birthDate, relationship, submissionId, given, poison]) =>
          typedDigits(id).map((typedId) => ({ step, id, typedId, birthDate, relationship, submissionId, given, poison })),
        ),
      ({ step, id, typedId, birthDate, relationship, submissionId, given, poison }) => {
        const form: Record<string, unknown> = { step, dependentNationalId: typedId, dependentBirthDate: birthDate, relationship, submissionId };
        for (const [fact, value] of Object.entries(given)) form[declaredFieldName(fact as (typeof DECLARED_FACTS)[number])] = value;
        const out = ZDependentAnswers.parse(poison ? withPoisonKeys(form) : form);
        expect(out).toStrictEqual({
          step,
          dependentNationalId: id,
          dependentBirthDate: birthDate,
          relationship,
          submissionId,
          declared: Object.fromEntries(Object.entries(given).map(([fact, value]) => [fact, value === "yes"])),
        });
      },
    );
  });
});
