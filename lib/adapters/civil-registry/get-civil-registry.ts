import "server-only";
import { ConfigError, getConfig, type AppConfig } from "@/lib/config";
import { loadRegistryFixture } from "@/lib/fixtures/civil-registry-fixture";
import type { CivilRegistry } from "./civil-registry";
import { HttpCivilRegistry } from "./http-civil-registry";
import { MockCivilRegistry } from "./mock-civil-registry";

let cached: CivilRegistry | undefined;

/** The configured civil registry; the mock reads its fixture file once per process. */
export function getCivilRegistry(): CivilRegistry {
  cached ??= createCivilRegistry(getConfig());
  return cached;
}

export function createCivilRegistry(config: AppConfig): CivilRegistry {
  switch (config.CIVIL_REGISTRY_PROVIDER) {
    case "http":
      if (!config.CIVIL_REGISTRY_URL) throw new ConfigError("CIVIL_REGISTRY_URL", "is required when CIVIL_REGISTRY_PROVIDER=http");
      return new HttpCivilRegistry({
        baseUrl: config.CIVIL_REGISTRY_URL,
        apiKey: config.CIVIL_REGISTRY_API_KEY,
        timeoutMs: config.CIVIL_REGISTRY_TIMEOUT_MS,
      });
    case "mock":
      return new MockCivilRegistry(loadRegistryFixture(config.REGISTRY_FIXTURE_PATH));
  }
}

/** Tests change the configuration between cases. */
export function resetCivilRegistryForTests() {
  cached = undefined;
}
