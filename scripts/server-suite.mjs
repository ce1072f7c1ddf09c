// What `npm run test:security` and `npm run test:cluster` share: both run a vitest
// project against production servers of this checkout's build on PostgreSQL.
// Checks the tools and the database first (with a sentence on what to install or
// set), builds once when the build is missing or stale, runs the project on the
// Node that runs the script, prints the figures its tests report (through
// SECURITY_FIGURES_FILE) and ends with one PASS or FAIL line.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildIsStale } from "./build-state.mjs";

const root = path.resolve(import.meta.dirname, "..");

/**
 * @param {{ project: string; title: string; figuresTitle: string; needs: string; tools?: string[]; env?: Record<string, string> }} suite
 *   `title` heads the run and names it in the PASS/FAIL line; `needs` says what it needs PostgreSQL for;
 *   `tools` are Debian commands it starts (looked for in /usr/sbin too).
 */
export function runServerSuite({ project, title, figuresTitle, needs, tools = [], env = {} }) {
  const started = Date.now();
  const databaseUrl = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  for (const tool of tools) {
    if (spawnSync("sh", ["-c", `command -v ${tool} || test -x /usr/sbin/${tool}`]).status !== 0) {
      console.error(`${tool} is not installed: ${title} needs it (apt-get install ${tools.join(" ")}; .ci/run installs ${tools.length > 1 ? "them" : "it"}).`);
      process.exit(1);
    }
  }
  const ready = spawnSync("pg_isready", ["-d", databaseUrl, "-q"]);
  if (ready.error === undefined && ready.status !== 0) {
    console.error(`PostgreSQL is not reachable at ${databaseUrl}: ${needs} (set TEST_DATABASE_URL).`);
    process.exit(1);
  }

  if (buildIsStale(root)) {
    console.log("=== Building the portal (missing or stale build) ===");
    const build = spawnSync(process.execPath, ["scripts/build.mjs"], { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (build.status !== 0) process.exit(build.status ?? 1);
  } else {
    console.log("=== Reusing the production build in .next/standalone ===");
  }

  const figuresFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), `portal-${project}-figures-`)), "figures.txt");
  fs.writeFileSync(figuresFile, "");
  console.log(`\n=== ${title[0].toUpperCase()}${title.slice(1)} (vitest project \`${project}\`) ===`);
  // Vitest itself runs on this Node too, and the tests start the servers with process.execPath.
  const result = spawnSync(process.execPath, [path.join(root, "node_modules/vitest/vitest.mjs"), "run", "--project", project, ...process.argv.slice(2)], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, ...env, TEST_DATABASE_URL: databaseUrl, SECURITY_FIGURES_FILE: figuresFile },
  });
  console.log(`\n=== ${figuresTitle} ===`);
  console.log(fs.readFileSync(figuresFile, "utf8").trim() || "(none: the tests did not get far enough to report any)");
  fs.rmSync(path.dirname(figuresFile), { recursive: true, force: true });
  console.log(`\n${result.status === 0 ? "PASS" : "FAIL"}  ${title} (${Math.round((Date.now() - started) / 1000)} s)`);
  process.exit(result.status ?? 1);
}
