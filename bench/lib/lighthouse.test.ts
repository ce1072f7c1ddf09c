import { describe, expect, it } from "vitest";
import { medianRun, type LighthouseScores } from "./lighthouse";

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
