import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..", "..");

export type LighthouseScores = {
  performance: number;
  accessibility: number;
  bestPractices: number;
  problems: string[];
  /** Lighthouse's measure of this machine's CPU (a mid-tier phone scores about 1000, a low-tier one about 264). */
  benchmarkIndex: number;
};

export function chromiumPath(): string | null {
  const candidate = process.env.CHROME_PATH || process.env.CHROMIUM_PATH || "/usr/bin/chromium";
  return fs.existsSync(candidate) ? candidate : null;
}

/** Lighthouse (its default mobile preset: emulated phone, slow 4G, 4× CPU slowdown) in Debian's chromium. */
export function runLighthouse(url: string, { cookie, chrome }: { cookie?: string; chrome: string }): LighthouseScores | LighthouseFailure {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "bench-lh-")), "report.json");
  const cli = path.join(root, "node_modules", "lighthouse", "cli", "index.js");
  const args = [
    cli,
    url,
    "--quiet",
    "--output=json",
    `--output-path=${out}`,
    "--only-categories=performance,accessibility,best-practices",
    "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run --disable-background-networking --disable-component-update --disable-sync",
    ...(cookie ? [`--extra-headers=${JSON.stringify({ Cookie: cookie })}`] : []),
  ];
  // The benchmark pins itself to one core (the server has the other): Lighthouse and its chromium
  // would inherit that core and share it with the benchmark, which halved the CPU index Lighthouse
  // measures (about 1,100 against 2,500-2,900 with the machine's cores; bench/README.md, sixth
  // session). A phone has several cores, and by this phase the load generators have stopped.
  const everyCore = `0-${os.cpus().length - 1}`;
  const [command, commandArgs] = process.env.BENCH_PINNED === "1" ? ["taskset", ["-c", everyCore, process.execPath, ...args]] : [process.execPath, args];
  const result = spawnSync(command, commandArgs, { cwd: root, encoding: "utf8", env: { ...process.env, CHROME_PATH: chrome }, timeout: 180_000 });
  try {
    if (!fs.existsSync(out)) return { failed: `Lighthouse wrote no report: ${(result.stderr ?? "").trim().slice(-300) || `exit ${result.status}`}` };
    return readReport(JSON.parse(fs.readFileSync(out, "utf8")) as LighthouseReport);
  } finally {
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  }
}

/** The parts of Lighthouse's JSON report the benchmark reads. */
export type LighthouseReport = {
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, { score: number | null; title: string; displayValue?: string }>;
  environment: { benchmarkIndex: number };
  /** Set when the run went wrong (the page never painted, the browser timed out...): its scores are then null or meaningless. */
  runtimeError?: { code: string; message?: string };
};

/** A run that measured nothing: why. */
export type LighthouseFailure = { failed: string };

/**
 * One report's scores, or why it has none. A run that failed (a runtime error,
 * or a category without a score) is not a score of 0: counting it as one once
 * put a 0 among a page's runs, which the median then hid.
 */
export function readReport(report: LighthouseReport): LighthouseScores | LighthouseFailure {
  if (report.runtimeError) return { failed: `${report.runtimeError.code}${report.runtimeError.message ? `: ${report.runtimeError.message.slice(0, 200)}` : ""}` };
  const unscored = ["performance", "accessibility", "best-practices"].filter((id) => typeof report.categories[id]?.score !== "number");
  if (unscored.length) return { failed: `no score for ${unscored.join(", ")}` };
  const score = (id: string) => Math.round(report.categories[id]!.score! * 100);
  const problems: string[] = [];
  for (const [category, { auditRefs }] of Object.entries(report.categories)) {
    for (const ref of auditRefs) {
      const audit = report.audits[ref.id];
      if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) {
        problems.push(`${category}: ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ""} [score ${audit.score}]`);
      }
    }
  }
  return { performance: score("performance"), accessibility: score("accessibility"), bestPractices: score("best-practices"), problems, benchmarkIndex: report.environment.benchmarkIndex };
}

export const isFailure = (run: LighthouseScores | LighthouseFailure): run is LighthouseFailure => "failed" in run;

/**
 * Runs Lighthouse until `wanted` runs have measured the page, replacing each
 * failed run with another, but giving up after `maxFailures` failures (a page
 * that fails every time is broken, not unlucky). Returns the runs that measured
 * and the reasons of those that failed, so both can be reported.
 */
export function measuredRuns(attempt: () => LighthouseScores | LighthouseFailure, wanted: number, maxFailures = wanted): { runs: LighthouseScores[]; failures: string[] } {
  const runs: LighthouseScores[] = [];
  const failures: string[] = [];
  while (runs.length < wanted && failures.length < maxFailures) {
    const run = attempt();
    if (isFailure(run)) failures.push(run.failed);
    else runs.push(run);
  }
  return { runs, failures };
}

/**
 * The median run of several, by performance score (Lighthouse's own advice for
 * noisy machines: run it a few times, report the median run). The whole run is
 * kept, so its scores and failing audits belong together.
 */
export function medianRun(runs: readonly LighthouseScores[]): LighthouseScores {
  if (runs.length === 0) throw new Error("no Lighthouse runs");
  const sorted = [...runs].sort((a, b) => a.performance - b.performance);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}
