// Production servers of the portal for the security tests: the build in
// .next/standalone (scripts/test-security.mjs makes it once), started the way
// `npm start` does (scripts/db-setup.ts, then the portal's server) on a
// PostgreSQL database of their own, in demo mode (mock registry, SMS outbox).
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

const root = path.resolve(import.meta.dirname, "../../..");
const serverUrl = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

/** A new, empty PostgreSQL database `sec_<name>` (dropped first if a previous run left it). */
export async function createDatabase(name: string): Promise<{ url: string; query: <T extends pg.QueryResultRow>(sql: string, values?: unknown[]) => Promise<T[]>; drop(): Promise<void> }> {
  const database = `sec_${name}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await admin(`CREATE DATABASE "${database}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 2 });
  // drop() ends the pool, then drops the database WITH (FORCE): a client still
  // closing can then receive the server's "terminating connection" (57P01) after
  // the pool stopped listening, which would be an uncaught error in the test run.
  pool.on("connect", (client) => {
    client.on("error", (error: Error & { code?: string }) => {
      if (error.code !== "57P01") throw error;
    });
  });
  return {
    url: url.toString(),
    query: async (sql, values) => (await pool.query(sql, values)).rows,
    async drop() {
      await pool.end();
      await admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    },
  };
}

/** A folder for one test file's uploads, session secret and server logs. */
export function makeWorkDir(name: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `portal-sec-${name}-`));
}

/**
 * Upload quotas (UPLOAD_*) and registry look-up limits (DEPENDENT_LOOKUP*) per
 * account high enough for the load suites, whose
 * few accounts send hundreds of files on purpose (the quotas themselves are
 * tested in lib/server/uploads/upload-quota.integration.test.ts).
 */
export const LOAD_TEST_QUOTAS: Record<string, string> = {
  UPLOAD_FILES_PER_HOUR: "100000",
  UPLOAD_MB_PER_HOUR: "100000",
  UPLOAD_STAGED_MAX: "100000",
  // A hundred identical posts at once each re-check the relative in the registry;
  // counted before each look-up, they would all be refused by the per-account limit.
  DEPENDENT_LOOKUP_MISSES_PER_HOUR: "100000",
  DEPENDENT_LOOKUPS_PER_HOUR: "100000",
};

export type PortalOptions = {
  port: number;
  databaseUrl: string;
  /** Shared by the instances of one test, like a shared volume in production. */
  storageDir: string;
  workDir: string;
  env?: Record<string, string>;
};

export type Portal = {
  baseUrl: string;
  pid: number;
  /** Resident memory of the server process, in bytes. */
  rssBytes(): number;
  /** SIGKILL: no clean-up of any kind, like a crash or the OOM killer. */
  crash(): Promise<void>;
  stop(): Promise<void>;
  log(): string;
};

function environment(options: PortalOptions): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: options.databaseUrl,
    DATA_DIR: options.workDir,
    STORAGE_DIR: options.storageDir,
    PORT: String(options.port),
    NEXTAUTH_URL: `http://localhost:${options.port}`,
    NEXTAUTH_SECRET: "security-tests-secret-security-tests-secret",
    SMS_PROVIDER: "outbox",
    CIVIL_REGISTRY_PROVIDER: "mock",
    MOBILE_OWNERSHIP_PROVIDER: "mock",
    SEED_DEMO: "true",
    PORTAL_ENV: "demo",
    ...options.env,
  };
}

function waitForExit(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

/**
 * What `npm start` does, without the build: configuration check, migrations,
 * start-up clean-ups (expired staged uploads, orphan files), demo data; then
 * the portal's server (`npm run serve`). Resolves when the portal answers.
 */
export async function startPortal(options: PortalOptions): Promise<Portal> {
  const env = environment(options);
  const logFile = path.join(options.workDir, `server-${options.port}.log`);
  const logStream = fs.createWriteStream(logFile, { flags: "a" });
  const setup = spawn(path.join(root, "node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/db-setup.ts"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  setup.stdout!.pipe(logStream, { end: false });
  setup.stderr!.pipe(logStream, { end: false });
  const setupCode = await waitForExit(setup);
  if (setupCode !== 0) throw new Error(`db-setup failed (${setupCode}):\n${fs.readFileSync(logFile, "utf8")}`);

  // portal-server.mjs is the server process itself (no child), so its pid is the server's.
  const server = spawn(process.execPath, [path.join(root, ".next/standalone/portal-server.mjs")], {
    cwd: root,
    env: { ...env, TMPDIR: path.join(options.workDir, "tmp") },
    stdio: ["ignore", "pipe", "pipe"],
  });
  fs.mkdirSync(path.join(options.workDir, "tmp"), { recursive: true });
  server.stdout!.pipe(logStream, { end: false });
  server.stderr!.pipe(logStream, { end: false });
  const baseUrl = `http://localhost:${options.port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode}):\n${fs.readFileSync(logFile, "utf8")}`);
    try {
      const response = await fetch(`${baseUrl}/login`);
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the server did not answer within a minute:\n${fs.readFileSync(logFile, "utf8")}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    baseUrl,
    pid: server.pid!,
    rssBytes() {
      const status = fs.readFileSync(`/proc/${server.pid}/status`, "utf8");
      return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
    },
    async crash() {
      server.kill("SIGKILL");
      await waitForExit(server);
    },
    async stop() {
      server.kill("SIGTERM");
      const stopped = await Promise.race([waitForExit(server).then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), 5_000))]);
      if (!stopped) {
        server.kill("SIGKILL");
        await waitForExit(server);
      }
    },
    log: () => fs.readFileSync(logFile, "utf8"),
  };
}

/** Every file under `dir`, relative to it. */
export function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** Lines for the suite's summary (scripts/test-security.mjs prints them at the end). */
export function reportFigure(line: string) {
  console.log(`[figure] ${line}`);
  const file = process.env.SECURITY_FIGURES_FILE;
  if (file) fs.appendFileSync(file, `${line}\n`);
}
