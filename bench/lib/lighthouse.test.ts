import { describe, expect, it } from "vitest";
import { measuredRuns, medianRun, readReport, type LighthouseFailure, type LighthouseReport, type LighthouseScores } from "./lighthouse";

const run = (performance: number, tag: string): LighthouseScores => ({ performance, accessibility: 100, bestPractices: 100, problems: [tag], benchmarkIndex: 1500 });

describe("medianRun", () => {
  it("keeps the whole run with the median performance score", () => {
    expect(medianRun([run(97, "a"), run(88, "b"), run(93, "c")]).problems).toEqual(["c"]);
  });
  it("takes the lower middle of an even number of runs, and the only run of one", () => {
    expect(medianRun([run(90, "a"), run(99, "b"), run(95, "c"), run(80, "d")]).performance).toBe(90);
    expect(medianRun([run(70, "x")]).problems).toEqual(["x"]);
  });
  it("refuses no runs", () => {
    expect(() => medianRun([])).toThrow();
  });
});

/** A report as Lighthouse writes it, reduced to what the benchmark reads. */
const report = (scores: Record<string, number | null>, extra: Partial<LighthouseReport> = {}): LighthouseReport => ({
  categories: Object.fromEntries(
    Object.entries(scores).map(([id, score]) => [id, { score, auditRefs: id === "performance" ? [{ id: "total-blocking-time", weight: 30 }, { id: "metrics", weight: 0 }] : [] }]),
  ),
  audits: {
    "total-blocking-time": { score: 0.62, title: "Total Blocking Time", displayValue: "420 ms" },
    metrics: { score: null, title: "Metrics" },
  },
  environment: { benchmarkIndex: 1234 },
  ...extra,
});

describe("readReport", () => {
  it("reads the three scores in percent, the machine's index and the weighted audits that lost points", () => {
    expect(readReport(report({ performance: 0.874, accessibility: 1, "best-practices": 0.96 }))).toEqual({
      performance: 87,
      accessibility: 100,
      bestPractices: 96,
      problems: ["performance: Total Blocking Time (420 ms) [score 0.62]"],
      benchmarkIndex: 1234,
    });
  });
  it("calls a run with a runtime error a failure, whatever scores it carries", () => {
    const failed = readReport(report({ performance: null, accessibility: 1, "best-practices": 1 }, { runtimeError: { code: "NO_FCP", message: "The page did not paint any content." } }));
    expect(failed).toEqual({ failed: "NO_FCP: The page did not paint any content." });
  });
  it("calls a run with a category left unscored a failure, not a score of 0", () => {
    expect(readReport(report({ performance: null, accessibility: 1, "best-practices": 1 }))).toEqual({ failed: "no score for performance" });
    expect(readReport(report({ accessibility: 1 }))).toEqual({ failed: "no score for performance, best-practices" });
  });
  it("scores a real 0 as 0", () => {
    expect(readReport(report({ performance: 0, accessibility: 1, "best-practices": 1 }))).toMatchObject({ performance: 0 });
  });
});

describe("measuredRuns", () => {
  const sequence = (...results: (LighthouseScores | LighthouseFailure)[]) => {
    let calls = 0;
    return { attempt: () => results[calls++] ?? { failed: "ran out" }, calls: () => calls };
  };
  it("replaces each failed run with another until enough runs measured", () => {
    const s = sequence(run(91, "a"), { failed: "NO_FCP" }, run(88, "b"), run(95, "c"));
    expect(measuredRuns(s.attempt, 3)).toEqual({ runs: [run(91, "a"), run(88, "b"), run(95, "c")], failures: ["NO_FCP"] });
    expect(s.calls()).toBe(4);
  });
  it("gives up after as many failures as runs wanted, keeping what measured", () => {
    const s = sequence({ failed: "one" }, run(90, "a"), { failed: "two" }, { failed: "three" }, run(99, "never"));
    expect(measuredRuns(s.attempt, 3)).toEqual({ runs: [run(90, "a")], failures: ["one", "two", "three"] });
    expect(s.calls()).toBe(4);
  });
  it("runs no more than asked when none fails", () => {
    const s = sequence(run(90, "a"), run(91, "b"), run(92, "c"));
    expect(measuredRuns(s.attempt, 2).runs).toHaveLength(2);
    expect(s.calls()).toBe(2);
  });
});
