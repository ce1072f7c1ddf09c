import { describe, expect, it } from "vitest";
import type { RegistryPerson } from "./civil-registry";
import { MockCivilRegistry } from "./mock-civil-registry";

function person(overrides: Partial<RegistryPerson> = {}): RegistryPerson {
  return {
    nationalId: "0012345679",
    firstName: "علی",
    lastName: "رضایی",
    fatherName: "حسن",
    birthDate: "1360/05/12",
    gender: "male",
    isAlive: true,
    fatherNationalId: null,
    motherNationalId: null,
    spouseNationalId: "0023456781",
    ...overrides,
  };
}

describe("MockCivilRegistry", () => {
  const ali = person();
  const deceased = person({ nationalId: "0034567892", firstName: "حسن", birthDate: "1320/01/01", isAlive: false });
  // Fixture entries carry more than a registry returns; those fields must not leak into the answer.
  const withFixtureExtras = { ...person({ nationalId: "0045678903" }), mobile: "09121234567", note: "demo" };
  const registry = new MockCivilRegistry([ali, deceased, withFixtureExtras]);

  it("finds a person when the national ID and birth date both match", async () => {
    expect(await registry.lookupPerson({ nationalId: ali.nationalId, birthDate: ali.birthDate })).toEqual({
      found: true,
      person: ali,
    });
  });

  it("answers not found for a wrong birth date, as the real registry does", async () => {
    expect(await registry.lookupPerson({ nationalId: ali.nationalId, birthDate: "1360/05/13" })).toEqual({
      found: false,
    });
  });

  it("answers not found for an unknown national ID", async () => {
    expect(await registry.lookupPerson({ nationalId: "9999999999", birthDate: ali.birthDate })).toEqual({
      found: false,
    });
  });

  it("returns a deceased person with isAlive false", async () => {
    const result = await registry.lookupPerson({ nationalId: deceased.nationalId, birthDate: deceased.birthDate });
    expect(result).toEqual({ found: true, person: expect.objectContaining({ isAlive: false }) });
  });

  it("returns only registry fields", async () => {
    const result = await registry.lookupPerson({ nationalId: "0045678903", birthDate: ali.birthDate });
    expect(result.found && Object.keys(result.person).sort()).toEqual(Object.keys(ali).sort());
  });

  it("is not affected by a caller editing an earlier answer", async () => {
    const first = await registry.lookupPerson({ nationalId: ali.nationalId, birthDate: ali.birthDate });
    if (first.found) first.person.isAlive = false;
    const second = await registry.lookupPerson({ nationalId: ali.nationalId, birthDate: ali.birthDate });
    expect(second.found && second.person.isAlive).toBe(true);
  });
});
