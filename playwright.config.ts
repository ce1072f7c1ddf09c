import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3210);
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
// A fresh embedded database for every run, so tests never see another run's data.
const dataDir = process.env.E2E_DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), "portal-e2e-"));
process.env.E2E_DATA_DIR = dataDir;

export default defineConfig({
  testDir: "tests/e2e",
  // After every browser test, one more check reads what the server logged meanwhile.
  projects: [
    // sms-gateway.spec.ts and mail-server.spec.ts need a failing gateway and mail server: their own server, playwright.outages.config.ts.
    { name: "browser", testMatch: /\.spec\.ts$/, testIgnore: /(sms-gateway|mail-server)\.spec\.ts$/, teardown: "server-logs" },
    { name: "server-logs", testMatch: /server-logs\.teardown\.ts$/ },
  ],
  fullyParallel: true,
  workers: 2,
  // In CI a failed test runs once more, and the list reporter names it "flaky" when the
  // second try passes: the run stays green but the flake is printed, to be fixed like any
  // other defect (docs/offline-stack-notes.md, "Browser tests on a loaded machine").
  retries: process.env.CI ? 1 : 0,
  // Long journeys (file, review, decide, read the SMS) on a shared 2-core machine; a staff
  // sign-in may wait up to 30 s for the authenticator's next code when the other worker has
  // just used the same demo account's (two tests with one sign-in timed out at 60 s in CI).
  timeout: 90_000,
  expect: { timeout: 5_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://localhost:${port}`,
    locale: "fa-IR",
    timezoneId: "Asia/Tehran",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: "node scripts/start.mjs",
    url: `http://localhost:${port}/`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(port),
      DATA_DIR: dataDir,
      SERVER_LOG_FILE: path.join(dataDir, "server.log"),
      DATABASE_URL: "",
      SMS_PROVIDER: "outbox",
      CIVIL_REGISTRY_PROVIDER: "mock",
      MOBILE_OWNERSHIP_PROVIDER: "mock",
      NEXTAUTH_URL: `http://localhost:${port}`,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
