import { describe, expect, it } from "vitest";
import type { RegistryPerson } from "@/lib/adapters/civil-registry/civil-registry";
import { isRelationship, RELATIONSHIP_LABELS, RELATIONSHIPS, verifyRelationship, type Relationship } from "./relationships";

let nextId = 1000000000;
function person(overrides: Partial<RegistryPerson> = {}): RegistryPerson {
  nextId += 1;
  return {
    nationalId: String(nextId),
    firstName: "علی",
    lastName: "رضایی",
    fatherName: "حسن",
    birthDate: "1360/01/01",
    gender: "male",
    isAlive: true,
    fatherNationalId: null,
    motherNationalId: null,
    spouseNationalId: null,
    ...overrides,
  };
}

/** A small registry family: a husband and wife, their son and daughter, and the husband's parents. */
function family() {
  const grandfather = person({ gender: "male", birthDate: "1330/05/10" });
  const grandmother = person({ gender: "female", birthDate: "1335/02/20" });
  const husband = person({
    gender: "male",
    fatherNationalId: grandfather.nationalId,
    motherNationalId: grandmother.nationalId,
  });
  const wife = person({ gender: "female", spouseNationalId: husband.nationalId });
  husband.spouseNationalId = wife.nationalId;
  const son = person({
    gender: "male",
    birthDate: "1394/03/01",
    fatherNationalId: husband.nationalId,
    motherNationalId: wife.nationalId,
  });
  const daughter = person({
    gender: "female",
    birthDate: "1390/08/12",
    fatherNationalId: husband.nationalId,
    motherNationalId: wife.nationalId,
  });
  return { grandfather, grandmother, husband, wife, son, daughter };
}

describe("RELATIONSHIPS", () => {
  it("has a Persian label for each relationship", () => {
    expect(RELATIONSHIPS).toEqual(["WIFE", "HUSBAND", "SON", "DAUGHTER", "FATHER", "MOTHER"]);
    for (const r of RELATIONSHIPS) expect(RELATIONSHIP_LABELS[r]).toMatch(/[\u0600-\u06FF]/);
  });

  it("recognises relationship values from a form", () => {
    expect(isRelationship("SON")).toBe(true);
    expect(isRelationship("son")).toBe(false);
    expect(isRelationship("COUSIN")).toBe(false);
    expect(isRelationship(undefined)).toBe(false);
  });
});

describe("verifyRelationship", () => {
  it("accepts every true first-degree relationship in the registry", () => {
    const f = family();
    const cases: [RegistryPerson, RegistryPerson, Relationship][] = [
      [f.husband, f.wife, "WIFE"],
      [f.wife, f.husband, "HUSBAND"],
      [f.husband, f.son, "SON"],
      [f.wife, f.son, "SON"],
      [f.husband, f.daughter, "DAUGHTER"],
      [f.wife, f.daughter, "DAUGHTER"],
      [f.husband, f.grandfather, "FATHER"],
      [f.husband, f.grandmother, "MOTHER"],
    ];
    for (const [applicant, dependent, relationship] of cases) {
      expect(verifyRelationship({ applicant, dependent, relationship }), relationship).toEqual({ ok: true });
    }
  });

  it("accepts a marriage recorded on only one of the two people (a man's second wife)", () => {
    const husband = person({ gender: "male" });
    const firstWife = person({ gender: "female", spouseNationalId: husband.nationalId });
    husband.spouseNationalId = firstWife.nationalId;
    const secondWife = person({ gender: "female", spouseNationalId: husband.nationalId });
    expect(verifyRelationship({ applicant: husband, dependent: secondWife, relationship: "WIFE" })).toEqual({ ok: true });
    expect(verifyRelationship({ applicant: secondWife, dependent: husband, relationship: "HUSBAND" })).toEqual({ ok: true });
  });

  it("refuses a person the registry does not link to the applicant", () => {
    const f = family();
    const stranger = person({ gender: "female" });
    for (const relationship of RELATIONSHIPS) {
      const result = verifyRelationship({ applicant: f.husband, dependent: stranger, relationship });
      expect(result).toMatchObject({ ok: false, reason: "NOT_RELATED" });
    }
    const result = verifyRelationship({ applicant: f.husband, dependent: stranger, relationship: "DAUGHTER" });
    expect(!result.ok && result.message).toContain("فرزند شما نیست");
  });

  it("refuses the wrong direction: a parent is not the applicant's child, a child not their parent", () => {
    const f = family();
    expect(verifyRelationship({ applicant: f.husband, dependent: f.grandfather, relationship: "SON" })).toMatchObject({
      ok: false,
      reason: "NOT_RELATED",
    });
    expect(verifyRelationship({ applicant: f.son, dependent: f.grandfather, relationship: "FATHER" })).toMatchObject({
      ok: false,
      reason: "NOT_RELATED",
    });
    expect(verifyRelationship({ applicant: f.husband, dependent: f.grandmother, relationship: "FATHER" })).toMatchObject({
      ok: false,
      reason: "NOT_RELATED",
    });
  });

  it("refuses a null link on both sides (no spouse recorded)", () => {
    const a = person({ gender: "male" });
    const b = person({ gender: "female" });
    expect(verifyRelationship({ applicant: a, dependent: b, relationship: "WIFE" })).toMatchObject({
      ok: false,
      reason: "NOT_RELATED",
    });
  });

  it("refuses the wrong gender and points to the right choice", () => {
    const f = family();
    const asSon = verifyRelationship({ applicant: f.husband, dependent: f.daughter, relationship: "SON" });
    expect(asSon).toMatchObject({ ok: false, reason: "WRONG_GENDER" });
    expect(!asSon.ok && asSon.message).toContain("«دختر»");

    const asHusband = verifyRelationship({ applicant: f.husband, dependent: f.wife, relationship: "HUSBAND" });
    expect(asHusband).toMatchObject({ ok: false, reason: "WRONG_GENDER" });
    expect(!asHusband.ok && asHusband.message).toContain(`«${RELATIONSHIP_LABELS.WIFE}»`);
  });

  it("refuses a parent whose registered gender contradicts the link without suggesting the other parent", () => {
    const father = person({ gender: "female" }); // inconsistent registry data
    const applicant = person({ fatherNationalId: father.nationalId });
    const result = verifyRelationship({ applicant, dependent: father, relationship: "FATHER" });
    expect(result).toMatchObject({ ok: false, reason: "WRONG_GENDER" });
    expect(!result.ok && result.message).not.toContain("«مادر»");
  });

  it("refuses a spouse when the applicant's own gender does not fit", () => {
    const a = person({ gender: "female" });
    const b = person({ gender: "female", spouseNationalId: a.nationalId });
    expect(verifyRelationship({ applicant: a, dependent: b, relationship: "WIFE" })).toMatchObject({
      ok: false,
      reason: "WRONG_GENDER",
    });
  });

  it("refuses a deceased relative", () => {
    const f = family();
    const deceased = { ...f.grandfather, isAlive: false };
    const result = verifyRelationship({ applicant: f.husband, dependent: deceased, relationship: "FATHER" });
    expect(result).toMatchObject({ ok: false, reason: "DECEASED" });
    expect(!result.ok && result.message).toContain("در قید حیات نیست");
  });

  it("does not reveal that an unrelated person has died", () => {
    const f = family();
    const stranger = person({ isAlive: false });
    expect(verifyRelationship({ applicant: f.husband, dependent: stranger, relationship: "FATHER" })).toMatchObject({
      ok: false,
      reason: "NOT_RELATED",
    });
  });

  it("refuses the applicant as their own dependent, whatever the records say", () => {
    const selfMarried = person();
    selfMarried.spouseNationalId = selfMarried.nationalId;
    for (const relationship of RELATIONSHIPS) {
      const result = verifyRelationship({ applicant: selfMarried, dependent: { ...selfMarried }, relationship });
      expect(result).toMatchObject({ ok: false, reason: "SELF" });
    }
  });
});
