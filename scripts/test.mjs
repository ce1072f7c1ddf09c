// `npm test`: the whole suite, in the order that fails fastest.
//   1. type check, lint, dead code (knip) and import rules (dependency-cruiser)
//   2. unit tests
//   3. integration tests on the embedded database (PGlite)
//   4. the same integration tests on PostgreSQL when TEST_DATABASE_URL is set
//   5. browser tests (Playwright + axe) in Debian's chromium, skipped loudly when absent
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

// The tests run on Node 24 LTS, the release production runs (docs/decisions/030): on another, say so
// first, since whatever passes here is not what `.ci/run` checks.
const nodeMajor = Number(process.versions.node.split(".")[0]);
if (nodeMajor !== 24) {
  console.warn(`\n*** npm test is running on Node ${process.versions.node}; the project supports and tests Node 24 LTS only. See README, "Quick start". ***\n`);
}

const root = path.resolve(import.meta.dirname, "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const results = [];

function step(name, command, args, env = {}) {
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  const ok = result.status === 0;
  results.push({ name, ok, seconds: Math.round((Date.now() - started) / 1000) });
  if (!ok) finish();
}

function finish() {
  console.log("\n=== Summary ===");
  for (const r of results) console.log(`${r.ok ? "PASS" : "FAIL"}  ${r.name} (${r.seconds} s)`);
  const failed = results.filter((r) => !r.ok).length;
  console.log(`${results.length - failed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

step("Type check", bin("tsc"), ["--noEmit", "-p", "."]);
step("Lint", bin("eslint"), [".", "--max-warnings=0"]);
step("Dead code: files, exports, dependencies (knip)", bin("knip"), []);
step("Import rules (dependency-cruiser)", bin("depcruise"), [".", "--config", ".dependency-cruiser.cjs"]);
step("Unit tests", bin("vitest"), ["run", "--project", "unit"]);
step("Integration tests on the embedded database (PGlite)", bin("vitest"), ["run", "--project", "integration"], {
  TEST_DB_ENGINE: "pglite",
});
if (process.env.TEST_DATABASE_URL) {
  step("Integration tests on PostgreSQL", bin("vitest"), ["run", "--project", "integration"], {
    TEST_DB_ENGINE: "postgres",
  });
} else {
  console.log("\n!!! TEST_DATABASE_URL is not set: integration tests did NOT run on PostgreSQL. !!!");
}

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (fs.existsSync(chromium)) {
  step("Browser tests (Playwright + axe)", bin("playwright"), ["test"], { CHROMIUM_PATH: chromium });
  // The outages of the SMS gateway and the mail server: a second portal server with the HTTP SMS provider and the SMTP
  // email provider against stubs the tests switch down and up (about a minute).
  step("Browser tests of the SMS gateway's and the mail server's outages", bin("playwright"), ["test", "--config", "playwright.outages.config.ts"], { CHROMIUM_PATH: chromium });
} else {
  console.log(`\n${"!".repeat(78)}\n!!! Browser tests SKIPPED: no chromium at ${chromium}.`);
  console.log("!!! Install it (apt-get install chromium) or set CHROMIUM_PATH. .ci/run installs it.");
  console.log(`${"!".repeat(78)}`);
}
finish();
