// Fuzzing of the form-state helpers: formValues never sends a secret or a file
// back, and fieldErrorsOf keeps exactly the first message of each field, for
// any posted form and any error our schemas produce.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { anyString, fuzz, hostileInput, fuzzFile, trickyString } from "@/tests/support/fuzz";
import { fieldErrorsOf, formValues } from "./form-state";
import { ZDependentAnswers } from "./dependent";
import { ZQuestion } from "./question";
import { ZDecisionForm } from "./review";
import { ZCitizenSignIn } from "./sign-in";

fuzzFile("lib/schemas/form-state.ts");

const FIELD_POOL = ["nationalId", "password", "passwordConfirm", "mobile", "code", "subject", "body", "constructor", "toString"];

describe("formValues", () => {
  const entry = fc.tuple(
    fc.oneof(fc.constantFrom(...FIELD_POOL, "__proto__", "prototype"), trickyString(12)),
    fc.oneof({ arbitrary: anyString, weight: 4 }, { arbitrary: fc.constant(new File(["x"], "a.png")), weight: 1 }),
  );

  it("returns only listed, non-secret fields, each with the posted text, and never a file", () => {
    fuzz(
      "formValues",
      fc.tuple(fc.array(entry, { maxLength: 12 }), fc.subarray(FIELD_POOL), fc.subarray(FIELD_POOL)),
      ([entries, fields, secret]) => {
        const formData = new FormData();
        for (const [name, value] of entries) formData.append(name, value);
        const values = formValues(formData, fields, secret);
        expect(Object.getPrototypeOf(values)).toBe(Object.prototype);
        for (const [key, value] of Object.entries(values)) {
          expect(fields).toContain(key);
          expect(secret).not.toContain(key);
          expect(typeof value).toBe("string");
        }
        for (const field of fields) {
          const posted = formData.get(field);
          const expected = typeof posted === "string" && !secret.includes(field) ? posted : undefined;
          expect(Object.hasOwn(values, field) ? values[field] : undefined).toBe(expected);
        }
      },
    );
  });
});

describe("fieldErrorsOf", () => {
  const schemas: z.ZodType[] = [ZQuestion, ZDependentAnswers, ZDecisionForm, ZCitizenSignIn];
  const input = hostileInput({ nationalId: anyString, password: anyString, subject: anyString, body: anyString, decision: fc.constantFrom("APPROVE", "REJECT", "RETURN", "ANSWER") });

  it("keeps the first message of each top-level field of any error our schemas produce", () => {
    fuzz("fieldErrorsOf", fc.tuple(fc.nat(schemas.length - 1), input), ([i, value]) => {
      const result = schemas[i]!.safeParse(value);
      if (result.success) return;
      const errors = fieldErrorsOf(result.error);
      const expected: Record<string, string> = {};
      for (const issue of result.error.issues) {
        const field = issue.path.length > 0 ? String(issue.path[0]) : "";
        if (field !== "" && !Object.hasOwn(expected, field)) expected[field] = issue.message;
      }
      expect({ ...errors }).toEqual(expected);
      for (const message of Object.values(errors)) expect(typeof message === "string" && message.length > 0).toBe(true);
    });
  });

  it("cannot be made to pollute prototypes by an issue path", () => {
    const path = fc.array(fc.oneof(fc.constantFrom("__proto__", "constructor", "prototype"), anyString, fc.nat()), { minLength: 1, maxLength: 3 });
    fuzz("fieldErrorsOf", fc.array(fc.tuple(path, anyString), { minLength: 1, maxLength: 4 }), (issues) => {
      const error = new z.ZodError(issues.map(([p, message]) => ({ code: "custom" as const, path: p, message, input: undefined })));
      const errors = fieldErrorsOf(error);
      expect(Object.getPrototypeOf(errors)).toBe(Object.prototype);
    });
  });
});
