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
// compare two settings of one build kept twice. Both servers run on core 0 (this
// process on core 1), one of them under load at a time; each page loads the kept
// build, then the new one (and the next pair the other way round),
// `BENCH_ROUNDS` times (6), `BENCH_SECONDS` each (5 s): the first half of the
// rounds with the kept build's server started first, the second half with the
// new build's; the ratio is the geometric mean of the halves' ratios, so what
// the server's role adds cancels out. The demo accounts sign in beforehand on
// a third server (port 3403), stopped before the two start.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { combineRuns, expectPage, measureLoad, measurePaired, warmUp, type LoadResult } from "./lib/http";
import { baselinePath, httpDatabaseReady, httpServerEnv, pageTarget, recreateHttpDatabase, registrationDraftCookie, signInDemoAccounts, staffRequestPath } from "./lib/http-setup";
import { BENCH_DIST_DIR, build, startServer, type ServerEnv } from "./lib/server";
import { pairedRatio } from "./lib/stats";

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
  try {
    await compareBuilds({ env, dataDir, against });
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Each page named, of the build kept in `against` and of this one, in alternating slices; each build's server started first for half of them. */
async function compareBuilds({ env, dataDir, against }: { env: ServerEnv; dataDir: string; against: string }) {
  const serverEnv = { ...env, NODE_ENV: "production", BENCH_BASELINE: "1" };
  const nodeArgs = (name: string) => option(name)?.split(" ").filter(Boolean);
  if (rounds < 2) throw new Error("BENCH_ROUNDS must be at least 2: half the rounds start each build's server first");
  const pages = argv.filter((a) => !a.startsWith("--"));
  if (pages.length === 0) throw new Error("name at least one page, and one the change does not touch as a control");
  // Each page's slices of each build, and its new/kept ratio in each half.
  const measured = pages.map(() => ({ kept: [] as LoadResult[], fresh: [] as LoadResult[], ratios: [] as number[] }));
  const serveBuild = (build: "kept" | "new" | "sign-in", onPort: number, logName: string) =>
    startServer({
      port: onPort,
      env: { ...serverEnv, NEXTAUTH_URL: `http://localhost:${onPort}` },
      logFile: path.join(dataDir, `${logName}.log`),
      ...(build === "kept" ? { standaloneDir: against } : {}),
      ...(build === "sign-in" ? { nodeArgs: [] } : { nodeArgs: nodeArgs(build === "kept" ? "kept-node-args" : "new-node-args") }),
    });
  // The demo accounts sign in on a server of their own, stopped before the two are
  // started: a server that took the sign-ins cost up to half as much again per
  // request as the other in the same run (bench/README.md). The sessions live in the
  // database, so the cookies serve both servers.
  const signInServer = await serveBuild("sign-in", port + 2, "sign-in");
  let cookies: Record<string, string>;
  try {
    cookies = await signInDemoAccounts(signInServer.url);
    if (pages.some((a) => a.endsWith("@registrant"))) cookies["registrant"] = await registrationDraftCookie(signInServer.url);
  } finally {
    await signInServer.stop();
  }
  const names = { cookies, baseline: await baselinePath(env), staffRequest: await staffRequestPath(env) };
  const targets = pages.map((arg) => pageTarget(arg, names));
  console.log(`CPU per request on core 0, ${against} against this build (${rounds} alternating slices of ${seconds} s each, half with each build's server started first):`);
  for (const [half, first] of (["kept", "new"] as const).entries()) {
    // Which server starts first (on the first port, warmed first) is a role; each
    // build takes it for half the rounds.
    const second = first === "kept" ? "new" : "kept";
    const firstServer = await serveBuild(first, port, `${first}-${half}`);
    const secondServer = await serveBuild(second, port + 1, `${second}-${half}`).catch(async (error: unknown) => {
      await firstServer.stop();
      throw error;
    });
    const [kept, fresh] = first === "kept" ? [firstServer, secondServer] : [secondServer, firstServer];
    try {
      // In the order they started, so this too is the same role for each build in turn.
      for (const server of [firstServer, secondServer]) {
        for (const { pathname, headers } of targets) {
          await expectPage(`${server.url}${pathname}`, headers["cookie"], "</html>");
          await warmUp({ url: `${server.url}${pathname}`, connections, seconds: 4, headers });
        }
      }
      for (const [i, { pathname, headers }] of targets.entries()) {
        const { baseline: before, page: after } = await measurePaired(
          (target, sliceSeconds, warmupSeconds) => {
            const server = target === "baseline" ? kept : fresh;
            return measureLoad({ url: `${server.url}${pathname}`, connections, seconds: sliceSeconds, warmupSeconds, headers, serverPid: server.process.pid });
          },
          { slices: half === 0 ? Math.ceil(rounds / 2) : Math.floor(rounds / 2), sliceSeconds: seconds, warmupSeconds: 1, alternate: half === 0 ? "baseline-first" : "page-first" },
        );
        if (before.cpuMsPerRequest === null || after.cpuMsPerRequest === null) throw new Error("the servers' CPU time cannot be read from /proc (Linux only)");
        measured[i]!.kept.push(before);
        measured[i]!.fresh.push(after);
        measured[i]!.ratios.push(after.cpuMsPerRequest / before.cpuMsPerRequest);
      }
    } finally {
      await Promise.all([kept.stop(), fresh.stop()]);
    }
  }
  for (const [i, arg] of pages.entries()) {
    const { kept, fresh, ratios } = measured[i]!;
    const before = combineRuns(kept, seconds);
    const after = combineRuns(fresh, seconds);
    console.log(
      `  ${arg.padEnd(40)} kept ${before.cpuMsPerRequest!.toFixed(2).padStart(6)} ms  new ${after.cpuMsPerRequest!.toFixed(2).padStart(6)} ms  new/kept ${pairedRatio(ratios).toFixed(3)} (kept first ${ratios[0]!.toFixed(3)}, new first ${ratios[1]!.toFixed(3)})  failed ${before.failed + after.failed}`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
