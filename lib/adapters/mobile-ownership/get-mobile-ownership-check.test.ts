import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { parseConfig, resetConfigForTests } from "@/lib/config";
import { clearRegistryFixtureCache } from "@/lib/fixtures/civil-registry-fixture";
import { fixtureChild, fixtureParent, writeFixtureFile } from "@/tests/support/registry-fixture-file";
import {
  createMobileOwnershipCheck,
  getMobileOwnershipCheck,
  resetMobileOwnershipCheckForTests,
} from "./get-mobile-ownership-check";
import { HttpMobileOwnershipCheck } from "./http-mobile-ownership-check";
import { MockMobileOwnershipCheck } from "./mock-mobile-ownership-check";

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
  resetMobileOwnershipCheckForTests();
  clearRegistryFixtureCache();
});

describe("createMobileOwnershipCheck", () => {
  it("answers from the fixture file with the mock provider: the first person listing a number owns it", async () => {
    const check = createMobileOwnershipCheck(parseConfig({ REGISTRY_FIXTURE_PATH: fixture.filePath }));
    expect(check).toBeInstanceOf(MockMobileOwnershipCheck);
    expect(await check.isOwner({ mobile: fixtureParent.mobile, nationalId: fixtureParent.nationalId })).toBe(true);
    expect(await check.isOwner({ mobile: fixtureChild.mobile, nationalId: fixtureChild.nationalId })).toBe(false);
  });

  it("uses the HTTP check when configured", () => {
    const config = parseConfig({ MOBILE_OWNERSHIP_PROVIDER: "http", MOBILE_OWNERSHIP_URL: "https://operators.example" });
    expect(createMobileOwnershipCheck(config)).toBeInstanceOf(HttpMobileOwnershipCheck);
  });
});

describe("getMobileOwnershipCheck", () => {
  it("builds the check from the environment once", () => {
    vi.stubEnv("REGISTRY_FIXTURE_PATH", fixture.filePath);
    expect(getMobileOwnershipCheck()).toBe(getMobileOwnershipCheck());
  });
});
