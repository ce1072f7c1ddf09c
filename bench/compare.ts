// `npm run bench:compare`: two builds of the portal, the same pages, in
// alternating slices: CPU time per request of each build and their ratio
// (bench/README.md, "Comparing two builds").
//
//   npm run bench:compare -- --save=/tmp/before            # build this tree, keep a copy of the build
//   ...change the code...
//   npm run bench:compare -- --build --against=/tmp/before "/staff/requests@staff" "/account/dependents@citizen"
//
//   npm run bench:compare -- --against=/tmp/before "--new-node-args=--max-semi-space-size=32" baseline "/staff/requests@staff"
//
// Pages as in `bench:profile`. `--kept-node-args=` and `--new-node-args=` give
// each server its own Node flags (instead of BENCH_SERVER_NODE_ARGS), to
// compare two settings of one build kept twice. Both servers run on core 0 (this process on
// core 1), one of them under load at a time; each page loads the kept build,
// then the new one, `BENCH_ROUNDS` times (6), `BENCH_SECONDS` each (5 s).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expectPage, measureLoad, measurePaired, warmUp } from "./lib/http";
import { baselinePath, httpDatabaseReady, httpServerEnv, pageTarget, recreateHttpDatabase, registrationDraftCookie, signInDemoAccounts, staffRequestPath } from "./lib/http-setup";
import { BENCH_DIST_DIR, build, startServer } from "./lib/server";

const root = path.resolve(import.meta.dirname, "..");
const argv = process.argv.slice(2);
const option = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const port = Number(process.env.BENCH_PORT ?? 3401);
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const rounds = Number(process.env.BENCH_ROUNDS ?? 6);
const connections = 50;
const builtDir = path.join(root, BENCH_DIST_DIR, "standalone");

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-compare-"));
  const env = httpServerEnv({ port, dataDir });
  if (argv.includes("--setup") || !(await httpDatabaseReady(env))) await recreateHttpDatabase(env);
  if (argv.includes("--build") || option("save") || !fs.existsSync(path.join(root, BENCH_DIST_DIR, "BUILD_ID"))) {
    console.log(`Production build: ${build(env).toFixed(1)} s`);
  }
  const save = option("save");
  if (save) {
    fs.rmSync(save, { recursive: true, force: true });
    // verbatimSymlinks: the build's node_modules holds relative links to the packages kept
    // outside the bundles (pg, Prisma's client...); resolved, they would point back into this
    // tree's build, and the kept server would run the next build's copies of them beside its own.
    fs.cpSync(builtDir, save, { recursive: true, verbatimSymlinks: true });
    console.log(`This build is kept in ${save}: compare a later one with --against=${save}`);
    return;
  }
  const against = option("against");
  if (!against || !fs.existsSync(path.join(against, "portal-server.mjs"))) throw new Error("--against=<dir> must name a build kept with --save=<dir>");
  const serverEnv = { ...env, NODE_ENV: "production", BENCH_BASELINE: "1" };
  const nodeArgs = (name: string) => option(name)?.split(" ").filter(Boolean);
  const kept = await startServer({
    port,
    env: { ...serverEnv, NEXTAUTH_URL: `http://localhost:${port}` },
    logFile: path.join(dataDir, "kept.log"),
    standaloneDir: against,
    nodeArgs: nodeArgs("kept-node-args"),
  });
  const fresh = await startServer({
    port: port + 1,
    env: { ...serverEnv, NEXTAUTH_URL: `http://localhost:${port + 1}` },
    logFile: path.join(dataDir, "new.log"),
    nodeArgs: nodeArgs("new-node-args"),
  });
  try {
    // The sessions live in the database, so one sign-in serves both servers.
    const cookies: Record<string, string> = await signInDemoAccounts(kept.url);
    if (argv.some((a) => a.endsWith("@registrant"))) cookies["registrant"] = await registrationDraftCookie(kept.url);
    const names = { cookies, baseline: await baselinePath(env), staffRequest: await staffRequestPath(env) };
    const targets = argv.filter((a) => !a.startsWith("--")).map((arg) => pageTarget(arg, names));
    if (targets.length === 0) throw new Error("name at least one page, and one the change does not touch as a control");
    for (const server of [kept, fresh]) {
      for (const { pathname, headers } of targets) {
        await expectPage(`${server.url}${pathname}`, headers["cookie"], "</html>");
        await warmUp({ url: `${server.url}${pathname}`, connections, seconds: 4, headers });
      }
    }
    console.log(`CPU per request on core 0, ${against} against this build (${rounds} alternating slices of ${seconds} s each):`);
    for (const { pathname, who, headers } of targets) {
      const { baseline: before, page: after } = await measurePaired(
        (target, sliceSeconds, warmupSeconds) => {
          const server = target === "baseline" ? kept : fresh;
          return measureLoad({ url: `${server.url}${pathname}`, connections, seconds: sliceSeconds, warmupSeconds, headers, serverPid: server.process.pid });
        },
        { slices: rounds, sliceSeconds: seconds, warmupSeconds: 1 },
      );
      if (before.cpuMsPerRequest === null || after.cpuMsPerRequest === null) throw new Error("the servers' CPU time cannot be read from /proc (Linux only)");
      console.log(
        `  ${`${pathname}${who ? ` (${who})` : ""}`.padEnd(56)} kept ${before.cpuMsPerRequest.toFixed(2).padStart(6)} ms  new ${after.cpuMsPerRequest.toFixed(2).padStart(6)} ms  new/kept ${(after.cpuMsPerRequest / before.cpuMsPerRequest).toFixed(3)}  failed ${before.failed + after.failed}`,
      );
    }
  } finally {
    await Promise.all([kept.stop(), fresh.stop()]);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
