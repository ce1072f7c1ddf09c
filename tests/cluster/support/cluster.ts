// The production topology on one machine, from Debian's packages and the
// build in .next/standalone: HAProxy (docs/deploy/haproxy.cfg itself, with this
// machine's addresses: round robin, health checks on /api/health/ready, the pages
// compressed, the build's static files cached) in front of three portal servers of one build, on
// PostgreSQL through PgBouncer in transaction mode, documents in an
// S3-compatible server (s3rver), and the outside systems as HTTP services.
//
// Ports (scripts/test-cluster.mjs): HAProxy 3600 (statistics 3601), servers
// 3611-3613, s3rver 3650, outside systems 3651, PgBouncer 6433. The database
// is cluster_<random> on 127.0.0.1:5432.
//
// Every server is a plain process: a worker added inside the server later
// (a job queue on PostgreSQL) is started and killed with it.
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { S3_TEST_CREDENTIALS, startS3TestServer, type S3TestServer } from "@/tests/support/s3-test-server";
import { startExternalSystems, type ExternalSystems } from "./external-systems";
import { clusterHaproxyConfig, readDeployedHaproxyConfig } from "./haproxy-config";

export const root = path.resolve(import.meta.dirname, "../../..");
export const PORTS = { haproxy: 3600, haproxyStats: 3601, servers: [3611, 3612, 3613], worker: 3614, s3: 3650, external: 3651, pgbouncer: 6433 } as const;
const adminUrl = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export type PortalServer = {
  name: string;
  port: number;
  pid: number;
  process: ChildProcess;
  log(): string;
  /** SIGKILL: no clean-up of any kind. */
  kill(): Promise<void>;
  /** SIGTERM; resolves with the exit code. */
  terminate(): Promise<number | null>;
};

export type Cluster = {
  url: string;
  databaseName: string;
  /** Direct to PostgreSQL (not through PgBouncer), for the test's own checks. */
  query<T extends pg.QueryResultRow>(sql: string, values?: unknown[]): Promise<T[]>;
  servers: PortalServer[];
  /** `portal-server.mjs worker`: the only process that takes jobs (the servers only queue them; decision 027). */
  worker: PortalServer;
  external: ExternalSystems;
  s3: S3TestServer;
  env: Record<string, string>;
  workDir: string;
  /** Server names HAProxy currently sends traffic to (status UP). */
  serversUp(): Promise<string[]>;
  /** Responses HAProxy has compressed itself so far (its statistics' comp_rsp of the servers' backend). */
  compressedByHaproxy(): Promise<number>;
  stop(): Promise<void>;
};

export const METRICS_TOKEN = "cluster-metrics-token-0123456789abcdef0123";

const waitForExit = (child: ChildProcess): Promise<number | null> =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve(child.exitCode) : new Promise((resolve) => child.once("exit", (code) => resolve(code)));

async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // Not up yet (connection refused) is what waiting is for: try again.
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The production settings every server and release step of the cluster shares. */
export function productionEnv(options: { databaseUrl: string; external: ExternalSystems; s3: S3TestServer; workDir: string }): Record<string, string> {
  return {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "",
    PORTAL_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: options.databaseUrl,
    DATABASE_POOL_SIZE: "5",
    DATA_DIR: path.join(options.workDir, "data"),
    NEXTAUTH_URL: `http://localhost:${PORTS.haproxy}`,
    NEXTAUTH_SECRET: "cluster-test-session-secret-0123456789abcdef",
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: Buffer.alloc(32, 9).toString("base64"),
    CIVIL_REGISTRY_PROVIDER: "http",
    CIVIL_REGISTRY_URL: options.external.registryUrl,
    CIVIL_REGISTRY_API_KEY: options.external.apiKey,
    MOBILE_OWNERSHIP_PROVIDER: "http",
    MOBILE_OWNERSHIP_URL: options.external.mobileUrl,
    MOBILE_OWNERSHIP_API_KEY: options.external.apiKey,
    SMS_PROVIDER: "http",
    SMS_HTTP_URL: options.external.smsUrl,
    SMS_HTTP_API_KEY: options.external.apiKey,
    // No mail server in the cluster: no test there confirms an address, so no email is queued.
    EMAIL_PROVIDER: "smtp",
    SMTP_URL: "smtp://127.0.0.1:9",
    EMAIL_FROM: "no-reply@cluster.test",
    STORAGE_PROVIDER: "s3",
    S3_ENDPOINT: options.s3.endpoint,
    S3_BUCKET: options.s3.bucket,
    S3_FORCE_PATH_STYLE: "true",
    S3_ACCESS_KEY_ID: S3_TEST_CREDENTIALS.accessKeyId,
    S3_SECRET_ACCESS_KEY: S3_TEST_CREDENTIALS.secretAccessKey,
    // One HAProxy in front that appends the address it saw to X-Forwarded-For (decision 014).
    TRUST_PROXY: "1",
    METRICS_TOKEN,
    SHUTDOWN_TIMEOUT_MS: "10000",
  };
}

/** A command of the release (npm run db:migrate, ...), run as an operator would; its output. */
export function runCommand(script: string, env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(path.join(root, "node_modules/.bin/tsx"), ["--conditions=react-server", script], { cwd: root, env: env as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  return waitForExit(child).then((code) => ({ code, output }));
}

/** One production server of the build: `node .next/standalone/portal-server.mjs`, or with `worker` the job worker. */
export async function startPortalServer({
  name,
  port,
  env,
  workDir,
  waitReady = true,
  command,
}: {
  name: string;
  port: number;
  env: Record<string, string>;
  workDir: string;
  waitReady?: boolean;
  command?: "worker";
}): Promise<PortalServer> {
  const logFile = path.join(workDir, `${name}.log`);
  const out = fs.openSync(logFile, "a");
  const child = spawn(process.execPath, [path.join(root, ".next/standalone/portal-server.mjs"), ...(command ? [command] : [])], {
    cwd: root,
    env: { ...env, PORT: String(port), BIND_ADDRESS: "127.0.0.1" } as unknown as NodeJS.ProcessEnv,
    stdio: ["ignore", out, out],
  });
  fs.closeSync(out);
  const server: PortalServer = {
    name,
    port,
    pid: child.pid!,
    process: child,
    log: () => fs.readFileSync(logFile, "utf8"),
    async kill() {
      child.kill("SIGKILL");
      await waitForExit(child);
    },
    async terminate() {
      child.kill("SIGTERM");
      return waitForExit(child);
    },
  };
  if (waitReady) {
    await waitUntil(
      `${name} to be ready`,
      async () => {
        if (child.exitCode !== null) throw new Error(`${name} exited (${child.exitCode}):\n${server.log()}`);
        return (await fetch(`http://127.0.0.1:${port}/api/health/ready`)).status === 200;
      },
      90_000,
    ).catch((error: Error) => {
      throw new Error(`${error.message}\n${server.log().slice(-3000)}`);
    });
  }
  return server;
}

function startPgbouncer(workDir: string, databaseName: string): ChildProcess {
  const dir = path.join(workDir, "pgbouncer");
  fs.mkdirSync(dir, { recursive: true });
  const { hostname, port } = new URL(adminUrl);
  fs.writeFileSync(
    path.join(dir, "pgbouncer.ini"),
    [
      "[databases]",
      `${databaseName} = host=${hostname} port=${port || 5432} dbname=${databaseName} user=postgres`,
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${PORTS.pgbouncer}`,
      "unix_socket_dir =",
      // The servers' pools (DATABASE_POOL_SIZE=5 each) share 12 server connections.
      "pool_mode = transaction",
      "default_pool_size = 12",
      "max_client_conn = 200",
      "auth_type = any",
      "ignore_startup_parameters = extra_float_digits,options",
      "log_connections = 0",
      "log_disconnections = 0",
      `logfile = ${path.join(dir, "pgbouncer.log")}`,
      `pidfile = ${path.join(dir, "pgbouncer.pid")}`,
      "",
    ].join("\n"),
  );
  // PgBouncer refuses to run as root: as root, run it as the postgres user.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    fs.chmodSync(workDir, 0o711);
    fs.chmodSync(dir, 0o777);
  }
  return spawn("pgbouncer", [...(asRoot ? ["-u", "postgres"] : []), path.join(dir, "pgbouncer.ini")], { stdio: "ignore" });
}

/** HAProxy's statistics (its CSV page), one object per proxy and server, by the CSV's column names. */
async function haproxyStats(): Promise<Record<string, string | undefined>[]> {
  const [header, ...lines] = (await (await fetch(`http://127.0.0.1:${PORTS.haproxyStats}/stats;csv`)).text()).split("\n");
  const names = header!.replace(/^# /, "").split(",");
  return lines.filter(Boolean).map((line) => {
    const fields = line.split(",");
    return Object.fromEntries(names.map((name, i) => [name, fields[i]]));
  });
}

function startHaproxy(workDir: string): ChildProcess {
  const config = path.join(workDir, "haproxy.cfg");
  // What operators deploy, with this machine's addresses (./haproxy-config.ts).
  fs.writeFileSync(config, clusterHaproxyConfig(readDeployedHaproxyConfig(), { frontend: PORTS.haproxy, stats: PORTS.haproxyStats, servers: PORTS.servers }));
  const out = fs.openSync(path.join(workDir, "haproxy.log"), "a");
  const child = spawn("haproxy", ["-db", "-f", config], { stdio: ["ignore", out, out] });
  fs.closeSync(out);
  return child;
}

export async function startCluster(): Promise<Cluster> {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-cluster-"));
  const databaseName = `cluster_${crypto.randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${databaseName}"`);
  await admin.end();
  const directUrl = new URL(adminUrl);
  directUrl.pathname = `/${databaseName}`;
  const pool = new pg.Pool({ connectionString: directUrl.toString(), max: 2 });
  pool.on("error", () => undefined);

  const children: ChildProcess[] = [];
  const servers: PortalServer[] = [];
  let worker: PortalServer | undefined;
  let external: ExternalSystems | undefined;
  let s3: S3TestServer | undefined;
  const stop = async () => {
    await Promise.all([...servers, ...(worker ? [worker] : [])].map((server) => server.kill()));
    for (const child of children) {
      child.kill("SIGTERM");
      await waitForExit(child);
    }
    await external?.close();
    await s3?.close();
    await pool.end();
    const cleanup = new pg.Client({ connectionString: adminUrl });
    await cleanup.connect();
    await cleanup.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
    await cleanup.end();
    if (!process.env.CLUSTER_KEEP_LOGS) fs.rmSync(workDir, { recursive: true, force: true });
  };
  try {
    s3 = await startS3TestServer({ port: PORTS.s3 });
    external = await startExternalSystems(PORTS.external);
    const pgbouncer = startPgbouncer(workDir, databaseName);
    children.push(pgbouncer);
    const pooledUrl = `postgresql://postgres@127.0.0.1:${PORTS.pgbouncer}/${databaseName}`;
    await waitUntil(
      "PgBouncer",
      async () => {
        const client = new pg.Client({ connectionString: pooledUrl });
        await client.connect();
        await client.end();
        return true;
      },
      15_000,
    );
    // As a cluster should run (docs/deploy.md): the web servers only queue jobs, one worker does them.
    const env = { ...productionEnv({ databaseUrl: pooledUrl, external, s3, workDir }), WEB_SERVER_JOBS: "queue-only" };

    // The release: migrations run twice at once through PgBouncer (two
    // operators, or two deploy jobs), then the test's data (the demo's staff,
    // branches and insurance records, loaded as a staging environment would).
    const migrations = await Promise.all([runCommand("scripts/db-migrate.ts", env), runCommand("scripts/db-migrate.ts", env)]);
    for (const run of migrations) if (run.code !== 0) throw new Error(`npm run db:migrate failed:\n${run.output}`);
    const seed = await runCommand("scripts/db-seed.ts", { ...env, PORTAL_ENV: "demo" });
    if (seed.code !== 0) throw new Error(`loading the test data failed:\n${seed.output}`);

    worker = await startPortalServer({ name: "worker", port: PORTS.worker, env, workDir, command: "worker" });
    for (const [index, port] of PORTS.servers.entries()) {
      servers.push(await startPortalServer({ name: `s${index + 1}`, port, env, workDir }));
    }
    children.push(startHaproxy(workDir));
    const cluster: Cluster = {
      url: `http://localhost:${PORTS.haproxy}`,
      databaseName,
      query: async (sql, values) => (await pool.query(sql, values)).rows,
      servers,
      worker,
      external,
      s3,
      env,
      workDir,
      async serversUp() {
        return (await haproxyStats())
          .filter((row) => row.pxname === "portal_servers" && /^s\d$/.test(row.svname ?? "") && row.status?.startsWith("UP"))
          .map((row) => row.svname!);
      },
      async compressedByHaproxy() {
        const backend = (await haproxyStats()).find((row) => row.pxname === "portal_servers" && row.svname === "BACKEND");
        return Number(backend?.comp_rsp ?? Number.NaN);
      },
      stop,
    };
    await waitUntil("HAProxy to see three servers up", async () => (await cluster.serversUp()).length === 3, 20_000);
    return cluster;
  } catch (error) {
    // The start-up error is the one to report; stopping what did start is best effort.
    await stop().catch(() => undefined);
    throw error;
  }
}
