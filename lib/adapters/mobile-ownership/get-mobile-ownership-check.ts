import "server-only";
import { ConfigError, getConfig, type AppConfig } from "@/lib/config";
import { loadRegistryFixture } from "@/lib/fixtures/civil-registry-fixture";
import { HttpMobileOwnershipCheck } from "./http-mobile-ownership-check";
import type { MobileOwnershipCheck } from "./mobile-ownership-check";
import { MockMobileOwnershipCheck } from "./mock-mobile-ownership-check";

let cached: MobileOwnershipCheck | undefined;

/** The configured mobile-ownership check; the mock reads the fixture file once per process. */
export function getMobileOwnershipCheck(): MobileOwnershipCheck {
  cached ??= createMobileOwnershipCheck(getConfig());
  return cached;
}

export function createMobileOwnershipCheck(config: AppConfig): MobileOwnershipCheck {
  switch (config.MOBILE_OWNERSHIP_PROVIDER) {
    case "http":
      if (!config.MOBILE_OWNERSHIP_URL) {
        throw new ConfigError("MOBILE_OWNERSHIP_URL", "is required when MOBILE_OWNERSHIP_PROVIDER=http");
      }
      return new HttpMobileOwnershipCheck({
        baseUrl: config.MOBILE_OWNERSHIP_URL,
        apiKey: config.MOBILE_OWNERSHIP_API_KEY,
        timeoutMs: config.MOBILE_OWNERSHIP_TIMEOUT_MS,
      });
    case "mock":
      return new MockMobileOwnershipCheck(loadRegistryFixture(config.REGISTRY_FIXTURE_PATH));
  }
}

/** Tests change the configuration between cases. */
export function resetMobileOwnershipCheckForTests() {
  cached = undefined;
}
