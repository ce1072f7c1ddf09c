// `npm run test:security`: the slow security suites (tests/security), against
// production servers of the portal on PostgreSQL:
//   - the client's address and host under each TRUST_PROXY setting,
//   - brute-force limits holding across two instances that share one database,
//   - 100 parallel duplicate submissions making one record,
//   - SIGKILL in the middle of uploads and decisions, then a restart,
//   - SIGKILL while a text message is at the gateway: delivered once after the restart,
//   - 2 GB request bodies cut off early.
// Builds the portal once when the build is missing or stale, then prints the
// figures the suites report.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildIsStale } from "./build-state.mjs";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const started = Date.now();

const databaseUrl = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const ready = spawnSync("pg_isready", ["-d", databaseUrl, "-q"]);
if (ready.error === undefined && ready.status !== 0) {
  console.error(`PostgreSQL is not reachable at ${databaseUrl}: the security suites need it (set TEST_DATABASE_URL).`);
  process.exit(1);
}

if (buildIsStale(root)) {
  console.log("=== Building the portal (missing or stale build) ===");
  const build = spawnSync(process.execPath, ["scripts/build.mjs"], { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (build.status !== 0) process.exit(build.status ?? 1);
} else {
  console.log("=== Reusing the production build in .next/standalone ===");
}

const figuresFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "portal-sec-figures-")), "figures.txt");
fs.writeFileSync(figuresFile, "");
console.log("\n=== Security suites (vitest project `security`) ===");
const result = spawnSync(bin("vitest"), ["run", "--project", "security", ...process.argv.slice(2)], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, TEST_DATABASE_URL: databaseUrl, SECURITY_FIGURES_FILE: figuresFile },
});

console.log("\n=== Security figures ===");
const figures = fs.readFileSync(figuresFile, "utf8").trim();
console.log(figures || "(none: the suites did not get far enough to report any)");
fs.rmSync(path.dirname(figuresFile), { recursive: true, force: true });
console.log(`\n${result.status === 0 ? "PASS" : "FAIL"}  security suites (${Math.round((Date.now() - started) / 1000)} s)`);
process.exit(result.status ?? 1);
