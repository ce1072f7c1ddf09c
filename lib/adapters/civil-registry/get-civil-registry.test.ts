import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { parseConfig, resetConfigForTests } from "@/lib/config";
import { clearRegistryFixtureCache } from "@/lib/fixtures/civil-registry-fixture";
import { fixtureChild, fixturePersons, writeFixtureFile } from "@/tests/support/registry-fixture-file";
import { createCivilRegistry, getCivilRegistry, resetCivilRegistryForTests } from "./get-civil-registry";
import { HttpCivilRegistry } from "./http-civil-registry";
import { MockCivilRegistry } from "./mock-civil-registry";

let fixture: Awaited<ReturnType<typeof writeFixtureFile>>;
beforeAll(async () => {
  fixture = await writeFixtureFile();
});
afterAll(async () => {
  await fixture.remove();
});
afterEach(() => {
  vi.unstubAllEnvs();
  resetConfigForTests();
  resetCivilRegistryForTests();
  clearRegistryFixtureCache();
});

describe("createCivilRegistry", () => {
  it("answers from the fixture file with the mock provider", async () => {
    const registry = createCivilRegistry(parseConfig({ REGISTRY_FIXTURE_PATH: fixture.filePath }));
    expect(registry).toBeInstanceOf(MockCivilRegistry);
    const child = fixturePersons()[1]!;
    expect(await registry.lookupPerson(fixtureChild)).toEqual({
      found: true,
      person: {
        nationalId: child.nationalId,
        firstName: child.firstName,
        lastName: child.lastName,
        fatherName: child.fatherName,
        birthDate: child.birthDate,
        gender: child.gender,
        isAlive: child.isAlive,
        fatherNationalId: child.fatherNationalId,
        motherNationalId: child.motherNationalId,
        spouseNationalId: child.spouseNationalId,
      },
    });
  });

  it("uses the HTTP registry when configured", () => {
    const config = parseConfig({ CIVIL_REGISTRY_PROVIDER: "http", CIVIL_REGISTRY_URL: "https://registry.example" });
    expect(createCivilRegistry(config)).toBeInstanceOf(HttpCivilRegistry);
  });
});

describe("getCivilRegistry", () => {
  it("builds the registry from the environment once", () => {
    vi.stubEnv("CIVIL_REGISTRY_PROVIDER", "mock");
    vi.stubEnv("REGISTRY_FIXTURE_PATH", fixture.filePath);
    expect(getCivilRegistry()).toBe(getCivilRegistry());
  });
});
