// Fuzzing of ZRegistryPerson, the check on what the civil registry answers:
// nothing throws, only well-shaped people pass (exactly the documented fields),
// and every well-shaped answer passes with its names trimmed.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anyString, anyValue, fuzz, hostileInput, fuzzFile, validNationalId, withPoisonKeys } from "@/tests/support/fuzz";
import { ZRegistryPerson } from "./civil-registry";

fuzzFile("lib/adapters/civil-registry/civil-registry.ts");

const KEYS = ["birthDate", "fatherName", "fatherNationalId", "firstName", "gender", "isAlive", "lastName", "motherNationalId", "nationalId", "spouseNationalId"];
const TEN_DIGITS = /^[0-9]{10}$/;
const name = fc.tuple(fc.constantFrom("", " ", "\n"), fc.string({ unit: fc.constantFrom(..."ابپتکیهو علیمریم"), minLength: 1, maxLength: 20 }), fc.constantFrom("", " ", "\t")).filter(([, n]) => n.trim() !== "");
const birthDate = fc.tuple(fc.integer({ min: 1200, max: 1499 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 29 })).map(([y, m, d]) => `${y}/${String(m).padStart(2, "0")}/${String(d).padStart(2, "0")}`);
const parentId = fc.option(validNationalId, { nil: null });

const validRegistryPerson = fc.record({
  nationalId: validNationalId,
  firstName: name,
  lastName: name,
  fatherName: name,
  birthDate,
  gender: fc.constantFrom("male", "female"),
  isAlive: fc.boolean(),
  fatherNationalId: parentId,
  motherNationalId: parentId,
  spouseNationalId: parentId,
});

describe("ZRegistryPerson", () => {
  it("never throws; what it accepts has exactly the documented fields, each well-formed", () => {
    fuzz(
      "ZRegistryPerson",
      hostileInput({
        nationalId: fc.oneof(validNationalId, anyString),
        firstName: fc.oneof(name.map((n) => n.join("")), anyString),
        lastName: anyString,
        fatherName: anyString,
        birthDate: fc.oneof(birthDate, anyString),
        gender: fc.oneof(fc.constantFrom("male", "female", "MALE", "other"), anyValue),
        isAlive: fc.oneof(fc.boolean(), anyValue),
        fatherNationalId: fc.oneof(parentId, anyValue),
        motherNationalId: fc.oneof(parentId, anyValue),
        spouseNationalId: fc.oneof(parentId, anyValue),
      }),
      (input) => {
        const result = ZRegistryPerson.safeParse(input);
        if (!result.success) return;
        const p = result.data;
        expect(Object.keys(p).sort()).toEqual(KEYS);
        expect(p.nationalId).toMatch(TEN_DIGITS);
        for (const n of [p.firstName, p.lastName, p.fatherName]) {
          expect(n).toBe(n.trim());
          expect(n.length).toBeGreaterThan(0);
        }
        expect(p.birthDate).toMatch(/^[0-9]{4}\/[0-9]{2}\/[0-9]{2}$/);
        expect(["male", "female"]).toContain(p.gender);
        expect(typeof p.isAlive).toBe("boolean");
        for (const id of [p.fatherNationalId, p.motherNationalId, p.spouseNationalId]) if (id !== null) expect(id).toMatch(TEN_DIGITS);
      },
    );
  });

  it("accepts every well-formed answer, names trimmed, extra fields dropped", () => {
    fuzz("ZRegistryPerson", fc.tuple(validRegistryPerson, fc.dictionary(fc.string({ maxLength: 8 }), anyValue, { maxKeys: 3 }), fc.boolean()), ([person, extra, poison]) => {
      const answer = { ...extra, ...person, firstName: person.firstName.join(""), lastName: person.lastName.join(""), fatherName: person.fatherName.join("") };
      const result = ZRegistryPerson.safeParse(poison ? withPoisonKeys(answer) : answer);
      expect(result.success).toBe(true);
      const trimmed = (parts: string[]) => parts.join("").trim();
      expect(result.data).toStrictEqual({ ...person, firstName: trimmed(person.firstName), lastName: trimmed(person.lastName), fatherName: trimmed(person.fatherName) });
    });
  });
});
