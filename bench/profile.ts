// `npm run bench:profile -- [--setup] [--build] [--steady=RATE] [--gzip] <page>...`: CPU time per request
// of a few pages against the baseline, to find where the time of a page goes
// before and after a change (bench/README.md, "Finding where the time goes").
// `--steady=RATE` then loads each page at that fixed arrival rate (the benchmark's open loop) and
// prints its p50 and p99, to try a change against the steady-load target on a few pages.
// `--gc` runs the server with V8's `--trace-gc-nvp` and prints, under each page, what the collector
// did per request: scavenges, bytes promoted to the old generation, full collections.
// `--cpu-profile` runs it with V8's `--cpu-prof` and prints, under the table, the functions each
// page spends most more on than the baseline, per request, named through the source maps
// (bench/lib/cpu-profile.ts).
// A page is `path` or `path@who` (who: citizen, submitter, staff, or registrant:
// someone past registration step 1, for /register/mobile; `baseline` is the baseline page,
// `staff-request@staff` the benchmark's staff request page, `question-post@submitter` the question form filed,
// as the benchmark's last row). Runs like `npm run bench`: the server on core 0, this on core 1.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { waitUntilIdle } from "./lib/cpu";
import { costsByWindow, sourceNamer, topDifferences, type CpuProfile, type ProfileWindow } from "./lib/cpu-profile";
import { describeGcPerRequest, summariseGcLog } from "./lib/gc-log";
import { checkedQuestionPost, expectPage, measureLoad, warmUp } from "./lib/http";
import { measureOpenLoop } from "./lib/open-loop";
import { baselinePath, httpDatabaseReady, httpServerEnv, pageTarget, recreateHttpDatabase, registrationDraftCookie, signInDemoAccounts, staffRequestPath } from "./lib/http-setup";
import { BENCH_DIST_DIR, build, nodeArgsFromEnv, startServer } from "./lib/server";

const root = path.resolve(import.meta.dirname, "..");
const argv = process.argv.slice(2);
const port = Number(process.env.BENCH_PORT ?? 3401);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = 50;
/** A page as the lines below name it, padded to one column. */
const label = (pathname: string, who?: string) => `${pathname}${who ? ` (${who})` : ""}`.padEnd(56);
const steadyRate = Number(argv.find((a) => a.startsWith("--steady="))?.slice("--steady=".length) ?? 0);
/**
 * `--gzip`: each page also as a browser asks for it from a server with no load balancer in front
 * (Accept-Encoding), so the server compresses it: what compression costs a portal server's core.
 * Behind HAProxy the servers never see the header (docs/decisions/028), as in the rows without it.
 */
const BROWSER_ACCEPT_ENCODING = "gzip, deflate, br, zstd";
const gzipToo = argv.includes("--gzip");
const traceGc = argv.includes("--gc");
const cpuProfile = argv.includes("--cpu-profile");
/** How many functions `--cpu-profile` lists a page. */
const PROFILE_ROWS = 25;

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-profile-"));
  const env = httpServerEnv({ port, dataDir });
  if (argv.includes("--setup") || !(await httpDatabaseReady(env))) await recreateHttpDatabase(env);
  // The benchmark's build lives apart from `npm start`'s (.next-bench): make it when there is none yet.
  if (argv.includes("--build") || !fs.existsSync(path.join(root, BENCH_DIST_DIR, "BUILD_ID"))) console.log(`Production build: ${build(env).toFixed(1)} s`);
  const logFile = path.join(dataDir, "server.log");
  const profileDir = path.join(dataDir, "cpu-profile");
  // Sampling every 0.5 ms: enough samples in a page's window, and the profiler's own cost (which
  // inflates every figure it prints) kept lower than at 0.25 ms.
  const profileArgs = cpuProfile ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`, "--cpu-prof-interval=500"] : [];
  const nodeArgs = [...nodeArgsFromEnv(), ...(traceGc ? ["--trace-gc-nvp"] : []), ...profileArgs];
  const server = await startServer({ port, env: { ...env, NODE_ENV: "production", BENCH_BASELINE: "1" }, logFile, nodeArgs });
  const windows: ProfileWindow[] = [];
  try {
    const baseline = await baselinePath(env);
    const cookies: Record<string, string> = await signInDemoAccounts(server.url);
    if (argv.some((a) => a.endsWith("@registrant"))) cookies["registrant"] = await registrationDraftCookie(server.url);
    const staffRequest = await staffRequestPath(env);
    const names = argv.filter((a) => !a.startsWith("--"));
    // The question form filed (question-post@who): its body is built from the form as the server renders it, and filed once to check.
    const poster = names.find((a) => a.startsWith("question-post@"))?.split("@")[1];
    const questionPost = poster && cookies[poster] ? await checkedQuestionPost(server.url, cookies[poster]) : undefined;
    const pages = ["baseline", ...names].map((arg) => pageTarget(arg, { cookies, baseline, staffRequest, questionPost }));
    const targets = gzipToo
      ? pages.flatMap((page) => [page, { ...page, who: [page.who, "gzip"].filter(Boolean).join(", "), headers: { ...page.headers, "accept-encoding": BROWSER_ACCEPT_ENCODING } }])
      : pages;
    // Every page warmed before anything is measured: a fresh server compiles each page's code on first use.
    // (The question form's page was read and filed once already, by checkedQuestionPost.)
    const html = new Map<string, string>();
    for (const { pathname, headers, post } of targets) {
      if (!post) html.set(pathname, await expectPage(`${server.url}${pathname}`, headers["cookie"], "</html>"));
      await warmUp({ url: `${server.url}${pathname}`, connections, seconds: 4, headers, post });
    }
    console.log(`CPU per request on the server's core (${seconds} s per page, after warming every page; run twice to see the noise):`);
    for (const { pathname, who, headers, post, expectStatus } of targets) {
      let logFrom = 0;
      let from = 0;
      const result = await measureLoad({
        url: `${server.url}${pathname}`,
        connections,
        seconds,
        warmupSeconds: 2,
        headers,
        post,
        expectStatus,
        serverPid: server.process.pid,
        onMeasureStart: () => {
          logFrom = fs.statSync(logFile).size;
          from = microseconds();
        },
      });
      windows.push({ page: label(pathname, who).trim(), from, to: microseconds(), requests: result.total });
      if (result.cpuMsPerRequest === null) throw new Error("the server's CPU time cannot be read from /proc (Linux only)");
      const output = post ? "filed" : `HTML ${(html.get(pathname)!.length / 1024).toFixed(1)} KB`;
      console.log(
        `  ${label(pathname, who)} ${result.requestsPerSecond.toFixed(1).padStart(7)} req/s  ${result.cpuMsPerRequest.toFixed(2).padStart(6)} ms CPU/request  ${output}  failed ${result.failed}`,
      );
      if (traceGc) console.log(`  ${" ".repeat(56)} ${gcSince(logFile, logFrom, result.total)}`);
    }
    if (steadyRate > 0) {
      console.log(`At a steady ${steadyRate} requests per second (${seconds} s per page):`);
      for (const { pathname, who, headers, post, expectStatus } of targets) {
        await waitUntilIdle(server.process.pid);
        const logFrom = fs.statSync(logFile).size;
        const result = await measureOpenLoop({ url: `${server.url}${pathname}`, rate: steadyRate, seconds, headers, post, expectStatus, serverPid: server.process.pid });
        console.log(
          `  ${label(pathname, who)} p50 ${result.p50.toFixed(1).padStart(6)} ms  p99 ${result.p99.toFixed(1).padStart(6)} ms  sent ${result.sentPerSecond.toFixed(1)}/s  failed ${result.failed}  generator's largest delay ${result.generatorDelayMaxMs.toFixed(0)} ms`,
        );
        if (traceGc) console.log(`  ${" ".repeat(56)} ${gcSince(logFile, logFrom, result.ok + result.failed)}`);
      }
    }
  } finally {
    await server.stop();
    try {
      if (cpuProfile && windows.length > 0) printProfile(profileDir, windows);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }
}

/** process.hrtime in microseconds: the clock of a V8 CPU profile's timestamps. */
const microseconds = () => Number(process.hrtime.bigint() / 1000n);

/** Each page's functions that cost it more than the baseline, from the profile the server wrote as it stopped. */
function printProfile(dir: string, windows: readonly ProfileWindow[]) {
  const file = fs.existsSync(dir) ? fs.readdirSync(dir).find((f) => f.endsWith(".cpuprofile")) : undefined;
  if (!file) throw new Error(`the server wrote no CPU profile in ${dir}`);
  const profile = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as CpuProfile;
  const costs = costsByWindow(profile, windows, sourceNamer(root));
  const baseline = costs.get(windows[0]!.page) ?? [];
  const column = (n: number) => n.toFixed(0).padStart(7);
  for (const { page } of windows.slice(1)) {
    for (const by of ["self", "total"] as const) {
      console.log(`\n${page}: where it spends more than the baseline, µs of CPU per request (${by === "self" ? "in the function itself" : "with what it calls"}; the profiler adds to every figure):`);
      console.log(`  ${"more".padStart(7)}${"page".padStart(7)}${"base".padStart(7)}  function`);
      for (const row of topDifferences(costs.get(page) ?? [], baseline, by, PROFILE_ROWS)) console.log(`  ${column(row.more)}${column(row.page)}${column(row.baseline)}  ${row.name}`);
    }
  }
}

/** What the collector did since a place in the server's log, per request served meanwhile. */
function gcSince(logFile: string, from: number, requests: number): string {
  return describeGcPerRequest(summariseGcLog(fs.readFileSync(logFile).subarray(from).toString("utf8")), requests);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(2);
});
