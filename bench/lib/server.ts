import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
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

/** The Node.js release the portal runs on in production (Dockerfile, docs/deploy.md). */
export const PRODUCTION_NODE_MAJOR = 24;

export type NodeBinary = { path: string; version: string };

/**
 * The Node.js that runs the server under test: the production release, so that
 * its garbage collector and compiler are the ones measured (Node 20's young
 * generation is a quarter of Node 24's, which showed in latency; bench/README.md).
 * This process's own Node when it is that release, else the one `.ci/run`
 * installs (NODE24_PREFIX), else this process's with a warning.
 */
export function chooseServerNode(current: NodeBinary, installed: NodeBinary | null, major = PRODUCTION_NODE_MAJOR): NodeBinary & { warning?: string } {
  const isProduction = (v: string) => v.startsWith(`v${major}.`);
  if (isProduction(current.version)) return current;
  if (installed && isProduction(installed.version)) return installed;
  return {
    ...current,
    warning: `the server runs on Node ${current.version}, not Node ${major} as in production: install it as .ci/run does (npm install --prefix ~/.cache/portal-node24 node-linux-${process.arch}@${major}) or set BENCH_SERVER_NODE`,
  };
}

let resolvedServerNode: (NodeBinary & { warning?: string }) | undefined;

/** chooseServerNode on this machine (BENCH_SERVER_NODE names a binary outright, and one that does not run is an error); resolved once, its warning printed once. */
export function serverNode(): NodeBinary & { warning?: string } {
  if (resolvedServerNode) return resolvedServerNode;
  const versionOf = (binary: string) => {
    const result = spawnSync(binary, ["--version"], { encoding: "utf8" });
    return result.status === 0 ? result.stdout.trim() : null;
  };
  const named = process.env.BENCH_SERVER_NODE;
  const prefix = process.env.NODE24_PREFIX ?? path.join(os.homedir(), ".cache", "portal-node24");
  const candidate = named ?? path.join(prefix, "node_modules", `node-linux-${process.arch}`, "bin", "node");
  const version = fs.existsSync(candidate) ? versionOf(candidate) : null;
  // A binary named outright is meant: measuring another Node instead, with a warning about installing one, would mislead.
  if (named && !version) throw new Error(`BENCH_SERVER_NODE=${named} is not a Node.js binary that runs (\`${named} --version\` failed); name one, or unset it to use Node ${PRODUCTION_NODE_MAJOR} as .ci/run installs it`);
  resolvedServerNode = named && version ? { path: named, version } : chooseServerNode({ path: process.execPath, version: process.version }, version ? { path: candidate, version } : null);
  if (resolvedServerNode.warning) console.warn(`!!! ${resolvedServerNode.warning}`);
  return resolvedServerNode;
}

/** The server's Node flags that BENCH_SERVER_NODE_ARGS names (bench/README.md), e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof". */
export function nodeArgsFromEnv(): string[] {
  return process.env.BENCH_SERVER_NODE_ARGS?.split(" ").filter(Boolean) ?? [];
}

export type RunningServer = { url: string; process: ChildProcess; log: string; stop(): Promise<void> };

/** The production server (`npm run serve`, on the production Node: serverNode) pinned to core 0 (when the machine has two), waiting until it answers. */
export async function startServer({
  port,
  env,
  logFile,
  standaloneDir = path.join(root, BENCH_DIST_DIR, "standalone"),
  nodeArgs = nodeArgsFromEnv(),
  node = serverNode().path,
}: {
  port: number;
  env: ServerEnv;
  logFile: string;
  /** The build to serve: the benchmark's last (the default), or a copy kept by `npm run bench:compare -- --save`. */
  standaloneDir?: string;
  /** Node flags for the server; BENCH_SERVER_NODE_ARGS by default (nodeArgsFromEnv). */
  nodeArgs?: string[];
  /** The Node.js binary that runs the server: the production release (serverNode) by default. */
  node?: string;
}): Promise<RunningServer> {
  const pin = process.env.BENCH_PINNED === "1";
  const server = path.join(standaloneDir, "portal-server.mjs");
  const args = [...nodeArgs, server];
  env = { ...env, PORT: String(port) };
  const out = fs.openSync(logFile, "w");
  const child = pin
    ? spawn("taskset", ["-c", "0", node, ...args], { cwd: root, stdio: ["ignore", out, out], env: { ...process.env, ...env } })
    : spawn(node, args, { cwd: root, stdio: ["ignore", out, out], env: { ...process.env, ...env } });
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
