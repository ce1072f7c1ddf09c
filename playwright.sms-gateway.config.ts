import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import mainConfig from "./playwright.config";

// The browser tests of a text-message gateway outage (tests/e2e/sms-gateway.spec.ts):
// the portal as in production, SMS_PROVIDER=http through its real HTTP adapter,
// against a stub gateway (tests/support/sms-gateway-stub.ts) the tests switch
// down and up. The main suite runs with the outbox provider, which never fails.
// Its own server and embedded database, since an outage touches every message;
// the tests run one after another. Two tries per message, the second after 12 s:
// a message is seen failing for 12 s, and dead soon after (docs/decisions/017).
const port = Number(process.env.E2E_PORT ?? 3230);
const gatewayPort = port + 1;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-e2e-sms-"));

export default defineConfig({
  ...mainConfig,
  projects: [{ name: "sms-gateway", testMatch: /sms-gateway\.spec\.ts$/ }],
  fullyParallel: false,
  workers: 1,
  use: { ...mainConfig.use, baseURL: `http://localhost:${port}` },
  metadata: { smsGatewayUrl: `http://127.0.0.1:${gatewayPort}` },
  webServer: [
    {
      command: "node_modules/.bin/tsx tests/support/sms-gateway-stub.ts",
      url: `http://127.0.0.1:${gatewayPort}/`,
      timeout: 30_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      env: { SMS_GATEWAY_PORT: String(gatewayPort) },
    },
    {
      command: "node scripts/start.mjs",
      url: `http://localhost:${port}/`,
      timeout: 240_000,
      reuseExistingServer: false,
      // One JSON line per request: the main suite's server log is checked; here it would only bury the results.
      stdout: "ignore",
      stderr: "pipe",
      env: {
        PORT: String(port),
        DATA_DIR: dataDir,
        DATABASE_URL: "",
        SMS_PROVIDER: "http",
        SMS_HTTP_URL: `http://127.0.0.1:${gatewayPort}/send`,
        SMS_TIMEOUT_MS: "2000",
        SMS_MAX_ATTEMPTS: "2",
        SMS_RETRY_DELAY_SECONDS: "12",
        CIVIL_REGISTRY_PROVIDER: "mock",
        MOBILE_OWNERSHIP_PROVIDER: "mock",
        NEXTAUTH_URL: `http://localhost:${port}`,
        NEXT_TELEMETRY_DISABLED: "1",
      },
    },
  ],
});
