import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testEngine, type TestDatabase } from "@/tests/support/test-database";

// The command-line entry points as an operator runs them, on the engine under test.
const root = path.resolve(import.meta.dirname, "..");

function run(script: string, env: Record<string, string>) {
  const result = spawnSync(path.join(root, "node_modules/.bin/tsx"), ["--conditions=react-server", script], {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "test", ...env },
    encoding: "utf8",
    // Each command starts tsx and, on the embedded database, PGlite: on a loaded 2-core
    // machine the migration run once took more than a minute.
    timeout: 150_000,
  });
  return { status: result.status, stdout: result.stdout.trim(), stderr: result.stderr.trim() };
}

describe(`npm run db:migrate and db:seed on ${testEngine()}`, { timeout: 320_000 }, () => {
  let database: TestDatabase | undefined;
  let env: Record<string, string>;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-cli-"));
    if (testEngine() === "postgres") {
      database = await createTestDatabase({ migrate: false });
      env = { DATABASE_URL: database.url!, DATA_DIR: dataDir };
    } else {
      env = { DATA_DIR: dataDir };
    }
  });
  afterAll(async () => {
    await database?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("applies the migrations, then reports the database up to date", () => {
    const first = run("scripts/db-migrate.ts", env);
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^Applied \d+ migration\(s\) to the (embedded database in .*|PostgreSQL): \d+_init/);
    const second = run("scripts/db-migrate.ts", env);
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/is up to date \(\d+ migration\(s\) applied\)\.$/);
  });

  it("seeds the demo, and a second run adds nothing", () => {
    const first = run("scripts/db-seed.ts", env);
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^Demo data: 4 branches, 8 staff accounts, 8 citizen accounts, \d+ insurance records, \d+ covered dependents \(\d+ rows added now\)\.$/);
    const second = run("scripts/db-seed.ts", env);
    expect(second.stdout).toMatch(/\(0 rows added now\)\.$/);
  });

  it("recomputes the open requests' due dates on the calendar as it stands, moving none that are right", () => {
    const result = run("scripts/recompute-due-dates.ts", env);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Due dates: \d+ open request\(s\) checked, 0 moved\.$/);
  });

  it.each([
    [{ DATABASE_URL: "mysql://localhost/portal" }, "DATABASE_URL"],
    [{ SMS_PROVIDER: "carrier-pigeon" }, "SMS_PROVIDER"],
    [{ CIVIL_REGISTRY_PROVIDER: "http" }, "CIVIL_REGISTRY_URL"],
  ])("stops with one line naming the variable for %o", (bad, variable) => {
    const result = run("scripts/db-migrate.ts", { ...env, ...bad });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr.split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(new RegExp(`^Invalid configuration: ${variable} `));
  });

  it("names an unreachable database server in one line", () => {
    const result = run("scripts/db-migrate.ts", { ...env, DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none" });
    expect(result.status).toBe(1);
    expect(result.stderr.split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/^Cannot reach the database at DATABASE_URL \(127\.0\.0\.1:1\): /);
  });

  it("refuses to load the demo data in production", () => {
    const production = {
      PORTAL_ENV: "production",
      DATABASE_URL: env.DATABASE_URL ?? "postgresql://nobody@127.0.0.1:1/none",
      NEXTAUTH_SECRET: "x".repeat(40),
      NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64"),
      NEXTAUTH_URL: "https://es.example.ir",
      SMS_PROVIDER: "http",
      SMS_HTTP_URL: "https://sms.example.ir",
      EMAIL_PROVIDER: "smtp",
      SMTP_URL: "smtp://mail.example.ir:587",
      EMAIL_FROM: "no-reply@example.ir",
      CIVIL_REGISTRY_PROVIDER: "http",
      CIVIL_REGISTRY_URL: "https://registry.example.ir",
      MOBILE_OWNERSHIP_PROVIDER: "http",
      MOBILE_OWNERSHIP_URL: "https://mobile.example.ir",
      STORAGE_PROVIDER: "s3",
      S3_BUCKET: "portal-documents",
      TRUST_PROXY: "1",
    };
    const result = run("scripts/db-seed.ts", { ...env, ...production });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^Invalid configuration: PORTAL_ENV is production: the demo data .* cannot be loaded there$/);
  });

  it("prints every missing production setting, one line each", () => {
    const result = run("scripts/db-migrate.ts", { ...env, PORTAL_ENV: "production", DATABASE_URL: "" });
    expect(result.status).toBe(1);
    const lines = result.stderr.split("\n");
    expect(lines.length).toBeGreaterThanOrEqual(8);
    for (const line of lines) expect(line).toMatch(/^Invalid configuration: [A-Z_]+ must be /);
  });

  it("cleans up the storage as an operator command", () => {
    const result = run("scripts/storage-clean-up.ts", env);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Storage clean-up: 0 expired document\(s\) .*; 0 file\(s\) kept\.$/);
  });
});
