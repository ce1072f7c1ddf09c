import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..", "..");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

export type ServerEnv = Record<string, string>;

/** Where next.config.js puts a build made with BENCH_BUILD=1 (httpServerEnv sets it). */
export const BENCH_DIST_DIR = ".next-bench";

export function runOrThrow(command: string, args: string[], env: ServerEnv, label: string) {
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env }, encoding: "utf8" });
  if (result.status !== 0) {
    throw new Error(`${label} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`.slice(-4000));
  }
  return (Date.now() - started) / 1000;
}

/** Migrations and demo data (the same step as `npm start`). */
export const setUpDatabase = (env: ServerEnv) => runOrThrow(bin("tsx"), ["--conditions=react-server", "scripts/db-setup.ts"], env, "database set-up");

/** The production build the benchmark measures. */
export const build = (env: ServerEnv) => runOrThrow(process.execPath, ["scripts/build.mjs"], { ...env, NEXT_TELEMETRY_DISABLED: "1" }, "npm run build");

export type RunningServer = { url: string; process: ChildProcess; log: string; stop(): Promise<void> };

/** The production server (`npm run serve`) pinned to core 0 (when the machine has two), waiting until it answers. */
export async function startServer({
  port,
  env,
  logFile,
  standaloneDir = path.join(root, BENCH_DIST_DIR, "standalone"),
  nodeArgs = process.env.BENCH_SERVER_NODE_ARGS?.split(" ").filter(Boolean) ?? [],
}: {
  port: number;
  env: ServerEnv;
  logFile: string;
  /** The build to serve: the benchmark's last (the default), or a copy kept by `npm run bench:compare -- --save`. */
  standaloneDir?: string;
  /** Node flags for the server; BENCH_SERVER_NODE_ARGS by default, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" (bench/README.md). */
  nodeArgs?: string[];
}): Promise<RunningServer> {
  const pin = process.env.BENCH_PINNED === "1";
  const server = path.join(standaloneDir, "portal-server.mjs");
  const args = [...nodeArgs, server];
  env = { ...env, PORT: String(port) };
  const out = fs.openSync(logFile, "w");
  const child = pin
    ? spawn("taskset", ["-c", "0", process.execPath, ...args], { cwd: root, stdio: ["ignore", out, out], env: { ...process.env, ...env } })
    : spawn(process.execPath, args, { cwd: root, stdio: ["ignore", out, out], env: { ...process.env, ...env } });
  const url = `http://localhost:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server stopped at start-up; see ${logFile}:\n${fs.readFileSync(logFile, "utf8").slice(-2000)}`);
    try {
      const res = await fetch(`${url}/`, { signal: AbortSignal.timeout(5000) });
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGTERM");
      throw new Error(`the server did not answer within 60 s; see ${logFile}`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    url,
    process: child,
    log: logFile,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 5000).unref();
      }),
  };
}
