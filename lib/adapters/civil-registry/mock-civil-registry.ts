import "server-only";
import type { CivilRegistry, RegistryLookup, RegistryLookupInput, RegistryPerson } from "./civil-registry";

/**
 * The civil registry for development, tests and demos, answering from a fixed
 * list of people (the fixture file's entries are a superset of RegistryPerson;
 * the fields a real registry would not return are dropped).
 */
export class MockCivilRegistry implements CivilRegistry {
  private readonly byNationalId = new Map<string, RegistryPerson>();

  constructor(persons: readonly RegistryPerson[]) {
    for (const person of persons) {
      if (!this.byNationalId.has(person.nationalId)) this.byNationalId.set(person.nationalId, toRegistryPerson(person));
    }
  }

  async lookupPerson({ nationalId, birthDate }: RegistryLookupInput): Promise<RegistryLookup> {
    const person = this.byNationalId.get(nationalId);
    if (!person || person.birthDate !== birthDate) return { found: false };
    // A copy, so a caller that edits its result cannot change later answers.
    return { found: true, person: { ...person } };
  }
}

function toRegistryPerson(person: RegistryPerson): RegistryPerson {
  return {
    nationalId: person.nationalId,
    firstName: person.firstName,
    lastName: person.lastName,
    fatherName: person.fatherName,
    birthDate: person.birthDate,
    gender: person.gender,
    isAlive: person.isAlive,
    fatherNationalId: person.fatherNationalId,
    motherNationalId: person.motherNationalId,
    spouseNationalId: person.spouseNationalId,
  };
}
