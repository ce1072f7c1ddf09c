import { describe, expect, it } from "vitest";
import { describeTarget, figure, unmeasured } from "./figures";

describe("figure", () => {
  it("passes an upper bound at the limit and fails above it", () => {
    expect(figure({ name: "p99", value: 150, unit: "ms", target: { kind: "atMost", limit: 150 } }).pass).toBe(true);
    expect(figure({ name: "p99", value: 150.1, unit: "ms", target: { kind: "atMost", limit: 150 } }).pass).toBe(false);
  });

  it("passes a lower bound at the limit and fails below it", () => {
    expect(figure({ name: "lh", value: 95, unit: "", target: { kind: "atLeast", limit: 95 } }).pass).toBe(true);
    expect(figure({ name: "lh", value: 94, unit: "", target: { kind: "atLeast", limit: 95 } }).pass).toBe(false);
  });

  it("computes the ratio to the baseline and judges it", () => {
    const f = figure({ name: "rps", value: 140, unit: "req/s", baseline: 200, target: { kind: "ratioAtLeast", limit: 0.7 } });
    expect(f).toEqual({ name: "rps", value: 140, unit: "req/s", baseline: 200, ratio: 0.7, target: "≥ 0.7 × baseline", pass: true });
    expect(figure({ name: "rps", value: 139, unit: "req/s", baseline: 200, target: { kind: "ratioAtLeast", limit: 0.7 } }).pass).toBe(false);
  });

  it("judges an upper bound on the ratio (the queue's last page against its first)", () => {
    expect(figure({ name: "last", value: 3, unit: "ms", baseline: 2, target: { kind: "ratioAtMost", limit: 1.5 } })).toMatchObject({ ratio: 1.5, pass: true });
    expect(figure({ name: "last", value: 3.2, unit: "ms", baseline: 2, target: { kind: "ratioAtMost", limit: 1.5 } }).pass).toBe(false);
  });

  it("reports a figure it cannot judge without failing it, and says why", () => {
    const f = figure({ name: "lh", value: 70, unit: "", target: { kind: "atLeast", limit: 90 }, notJudged: "machine too slow to judge (CPU index 670)" });
    expect(f).toMatchObject({ value: 70, pass: true, judged: false, target: "≥ 90 (not judged: machine too slow to judge (CPU index 670))" });
    expect(figure({ name: "lh", value: 70, unit: "", target: { kind: "atLeast", limit: 90 } })).not.toHaveProperty("judged");
  });

  it("fails a ratio target when the baseline is missing or zero", () => {
    expect(figure({ name: "rps", value: 10, unit: "req/s", target: { kind: "ratioAtLeast", limit: 0.7 } }).pass).toBe(false);
    expect(figure({ name: "rps", value: 10, unit: "req/s", baseline: 0, target: { kind: "ratioAtLeast", limit: 0.7 } }).pass).toBe(false);
  });

  it("never passes a NaN against a bound", () => {
    expect(figure({ name: "x", value: Number.NaN, unit: "ms", target: { kind: "atMost", limit: 1 } }).pass).toBe(false);
    expect(figure({ name: "x", value: Number.NaN, unit: "ms", target: { kind: "atLeast", limit: 1 } }).pass).toBe(false);
  });

  it("passes report-only figures", () => {
    expect(figure({ name: "x", value: 3, unit: "ms", target: { kind: "reportOnly" } })).toMatchObject({ pass: true, target: "report only" });
  });

  it("omits baseline and ratio when there is none", () => {
    expect(Object.keys(figure({ name: "x", value: 3, unit: "ms", target: { kind: "atMost", limit: 5 } }))).toEqual([
      "name",
      "value",
      "unit",
      "target",
      "pass",
    ]);
  });
});

describe("describeTarget and unmeasured", () => {
  it("writes targets for people", () => {
    expect(describeTarget({ kind: "atMost", limit: 120 }, "KB")).toBe("≤ 120 KB");
    expect(describeTarget({ kind: "atLeast", limit: 100 }, "")).toBe("≥ 100");
    expect(describeTarget({ kind: "atMost", limit: 0.333333 }, "s")).toBe("≤ 0.333 s");
  });

  it("fails a figure that could not be measured", () => {
    const f = unmeasured("Lighthouse home", "", { kind: "atLeast", limit: 95 }, "chromium missing");
    expect(f.pass).toBe(false);
    expect(f.name).toContain("chromium missing");
  });
});
