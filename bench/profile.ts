// `npm run bench:profile -- [--setup] [--build] <page>...`: CPU time per request
// of a few pages against the baseline, to find where the time of a page goes
// before and after a change (bench/README.md, "Finding where the time goes").
// A page is `path` or `path@who` (who: citizen or staff; `baseline` is the
// baseline page). Runs like `npm run bench`: the server on core 0, this on core 1.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { processCpuMs } from "./lib/cpu";
import { databaseUrl, recreateDatabase, withClient } from "./lib/databases";
import { expectPage, signIn } from "./lib/http";
import { httpSeedStatements } from "./lib/seed-sql";
import { build, setUpDatabase, startServer } from "./lib/server";

const argv = process.argv.slice(2);
const PORT = Number(process.env.BENCH_PORT ?? 3401);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const DEMO_PASSWORD = "Tamin-Demo-1405";
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-profile-"));
const env = {
  DATABASE_URL: databaseUrl("bench_http"),
  DATA_DIR: dataDir,
  NEXTAUTH_SECRET: "bench-only-secret-bench-only-secret-0000",
  NEXTAUTH_URL: `http://localhost:${PORT}`,
  SMS_PROVIDER: "outbox",
  CIVIL_REGISTRY_PROVIDER: "mock",
  MOBILE_OWNERSHIP_PROVIDER: "mock",
  SEED_DEMO: "true",
  NEXT_TELEMETRY_DISABLED: "1",
};


async function main() {
  if (argv.includes("--setup") || !(await databaseExists())) {
    await recreateDatabase("bench_http");
    setUpDatabase(env);
    await withClient(env.DATABASE_URL, async (client) => {
      for (const step of httpSeedStatements()) await client.query(step.sql);
    });
  }
  if (argv.includes("--build")) console.log(`Production build: ${build(env).toFixed(1)} s`);
  const server = await startServer({ port: PORT, env: { ...env, NODE_ENV: "production", BENCH_BASELINE: "1" }, logFile: path.join(dataDir, "server.log") });
  try {
    const { url } = server;
    const branchId = await withClient(env.DATABASE_URL, async (c) => (await c.query<{ id: string }>(`SELECT id FROM "Branch" WHERE code = '1201'`)).rows[0]!.id);
    const cookies: Record<string, string | undefined> = {
      citizen: await signIn(url, "/login", { nationalId: "0012345679", password: DEMO_PASSWORD }),
      staff: await signIn(url, "/staff/login", { personnelCode: "120101", password: DEMO_PASSWORD }),
    };
    const pages = ["baseline", ...argv.filter((a) => !a.startsWith("--"))].map((arg) => {
      const [pathname, who] = arg.split("@");
      return { pathname: pathname === "baseline" ? `/bench/baseline/${branchId}` : pathname!, who };
    });
    const load = (pathname: string, cookie: string | undefined, duration: number) =>
      autocannon({ url: `${url}${pathname}`, connections: 50, duration, headers: cookie ? { cookie } : {} });
    const targets = pages.map(({ pathname, who }) => {
      const cookie = who ? cookies[who] : undefined;
      if (who && !cookie) throw new Error(`unknown user ${who}: citizen or staff`);
      return { pathname, who, cookie };
    });
    // Every page warmed before anything is measured: a fresh server compiles each page's code on first use.
    const html = new Map<string, string>();
    for (const { pathname, cookie } of targets) {
      html.set(pathname, await expectPage(`${url}${pathname}`, cookie, "</html>"));
      await load(pathname, cookie, 4);
    }
    console.log(`CPU per request on the server's core (${seconds} s per page, after warming every page; run twice to see the noise):`);
    for (const { pathname, who, cookie } of targets) {
      await load(pathname, cookie, 2);
      const before = processCpuMs(server.process.pid);
      const result = await load(pathname, cookie, seconds);
      const after = processCpuMs(server.process.pid);
      if (before === null || after === null) throw new Error("the server's CPU time cannot be read from /proc (Linux only)");
      const cpu = (after - before) / result.requests.total;
      console.log(
        `  ${`${pathname}${who ? ` (${who})` : ""}`.padEnd(56)} ${(result.requests.total / seconds).toFixed(1).padStart(7)} req/s  ${cpu.toFixed(2).padStart(6)} ms CPU/request  HTML ${(html.get(pathname)!.length / 1024).toFixed(1)} KB  non-2xx ${result.non2xx}`,
      );
    }
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function databaseExists(): Promise<boolean> {
  try {
    return await withClient(env.DATABASE_URL, async (c) => (await c.query(`SELECT 1 FROM "Branch" LIMIT 1`)).rowCount === 1);
  } catch {
    return false;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
