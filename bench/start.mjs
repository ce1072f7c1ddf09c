// `npm run bench`: runs bench/run.ts (or bench/profile.ts) with the load generator (this process and
// its children, Lighthouse's browser included) on core 1; the server under test
// is started on core 0 (bench/lib/server.ts). Without taskset or a second core
// it runs unpinned and says so.
import { spawnSync } from "node:child_process";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const tsx = path.join(root, "node_modules", ".bin", "tsx");
// `npm run bench:profile` passes --profile first (bench/profile.ts instead of run.ts), `npm run bench:compare` --compare.
const [first, ...rest] = process.argv.slice(2);
const script = first === "--profile" ? "profile.ts" : first === "--compare" ? "compare.ts" : "run.ts";
const args = ["--conditions=react-server", path.join(root, "bench", script), ...(script === "run.ts" ? process.argv.slice(2) : rest)];
const canPin = os.availableParallelism() >= 2 && spawnSync("taskset", ["-c", "1", "true"]).status === 0;
if (!canPin) console.warn("!!! taskset or a second core is missing: the benchmark runs unpinned and its figures are not comparable.");
const result = canPin
  ? spawnSync("taskset", ["-c", "1", tsx, ...args], { cwd: root, stdio: "inherit", env: { ...process.env, BENCH_PINNED: "1" } })
  : spawnSync(tsx, args, { cwd: root, stdio: "inherit", env: process.env });
process.exit(result.status ?? 1);
