import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import mainConfig from "./playwright.config";

// The browser tests of the outages of the two ways out: the text-message gateway
// (tests/e2e/sms-gateway.spec.ts; SMS_PROVIDER=http through its real HTTP adapter,
// against tests/support/sms-gateway-stub.ts) and the mail server
// (tests/e2e/mail-server.spec.ts; EMAIL_PROVIDER=smtp through its real SMTP
// adapter, against tests/support/mail-server-stub.ts), each stub switched down and
// up by the tests. The main suite runs with the outbox providers, which never fail.
// Its own server and embedded database, since an outage touches every message;
// the tests run one after another. Two tries per message, the second after 12 s:
// a message is seen failing for 12 s, and dead soon after (docs/decisions/017, 018).
const port = Number(process.env.E2E_PORT ?? 3230);
const gatewayPort = port + 1;
/** SMTP on this port, the mail stub's control on the next. */
const mailPort = port + 2;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-e2e-outages-"));

export default defineConfig({
  ...mainConfig,
  projects: [{ name: "outages", testMatch: /(sms-gateway|mail-server)\.spec\.ts$/ }],
  fullyParallel: false,
  workers: 1,
  use: { ...mainConfig.use, baseURL: `http://localhost:${port}` },
  metadata: { smsGatewayUrl: `http://127.0.0.1:${gatewayPort}`, mailServerUrl: `http://127.0.0.1:${mailPort + 1}` },
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
      command: "node_modules/.bin/tsx tests/support/mail-server-stub.ts",
      url: `http://127.0.0.1:${mailPort + 1}/`,
      timeout: 30_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      env: { MAIL_SERVER_PORT: String(mailPort) },
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
        EMAIL_PROVIDER: "smtp",
        SMTP_URL: `smtp://127.0.0.1:${mailPort}`,
        EMAIL_FROM: "سازمان تأمین اجتماعی <no-reply@tamin.example.ir>",
        EMAIL_TIMEOUT_MS: "2000",
        EMAIL_MAX_ATTEMPTS: "2",
        EMAIL_RETRY_DELAY_SECONDS: "12",
        CIVIL_REGISTRY_PROVIDER: "mock",
        MOBILE_OWNERSHIP_PROVIDER: "mock",
        NEXTAUTH_URL: `http://localhost:${port}`,
        NEXT_TELEMETRY_DISABLED: "1",
      },
    },
  ],
});
