// `npm run test:cluster`: the production topology on this machine
// (tests/cluster): HAProxy in front of three production servers of one build,
// PostgreSQL through PgBouncer in transaction mode, documents in an
// S3-compatible server, and the server's own life cycle (refusing unsafe
// settings, health, graceful stop). Needs Debian's haproxy and pgbouncer and a
// PostgreSQL server (TEST_DATABASE_URL, default the local one; it creates and
// drops databases named cluster_*). Uses ports 3600-3699 and 6433. Builds once
// when the build is missing or stale; runs on the Node that runs this script.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildIsStale } from "./build-state.mjs";

const root = path.resolve(import.meta.dirname, "..");
const started = Date.now();
const databaseUrl = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

for (const tool of ["haproxy", "pgbouncer"]) {
  if (spawnSync("sh", ["-c", `command -v ${tool} || test -x /usr/sbin/${tool}`]).status !== 0) {
    console.error(`${tool} is not installed: the cluster test needs it (apt-get install haproxy pgbouncer; .ci/run installs both).`);
    process.exit(1);
  }
}
const ready = spawnSync("pg_isready", ["-d", databaseUrl, "-q"]);
if (ready.error === undefined && ready.status !== 0) {
  console.error(`PostgreSQL is not reachable at ${databaseUrl}: the cluster test needs it (set TEST_DATABASE_URL).`);
  process.exit(1);
}

if (buildIsStale(root)) {
  console.log("=== Building the portal (missing or stale build) ===");
  const build = spawnSync(process.execPath, ["scripts/build.mjs"], { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (build.status !== 0) process.exit(build.status ?? 1);
} else {
  console.log("=== Reusing the production build in .next/standalone ===");
}

const figuresFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "portal-cluster-figures-")), "figures.txt");
fs.writeFileSync(figuresFile, "");
console.log(`\n=== Cluster test on Node ${process.versions.node} (vitest project \`cluster\`) ===`);
// Vitest itself runs on this Node too, and starts the servers with process.execPath.
const result = spawnSync(process.execPath, [path.join(root, "node_modules/vitest/vitest.mjs"), "run", "--project", "cluster", ...process.argv.slice(2)], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, PATH: `/usr/sbin:${process.env.PATH}`, TEST_DATABASE_URL: databaseUrl, SECURITY_FIGURES_FILE: figuresFile },
});
console.log("\n=== Cluster figures ===");
console.log(fs.readFileSync(figuresFile, "utf8").trim() || "(none: the test did not get far enough to report any)");
fs.rmSync(path.dirname(figuresFile), { recursive: true, force: true });
console.log(`\n${result.status === 0 ? "PASS" : "FAIL"}  cluster test on Node ${process.versions.node} (${Math.round((Date.now() - started) / 1000)} s)`);
process.exit(result.status ?? 1);
