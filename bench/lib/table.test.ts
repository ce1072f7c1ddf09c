import { describe, expect, it } from "vitest";
import { figure } from "./figures";
import { formatTable } from "./table";

describe("formatTable", () => {
  const figures = [
    figure({ name: "Staff queue req/s", value: 181.4, unit: "req/s", baseline: 250, target: { kind: "ratioAtLeast", limit: 0.7 } }),
    figure({ name: "Staff queue p99", value: 95, unit: "ms", target: { kind: "atMost", limit: 150 } }),
    figure({ name: "Scale seed", value: 1234.5, unit: "s", target: { kind: "atMost", limit: 600 } }),
  ];
  const table = formatTable(figures);
  const lines = table.split("\n");

  it("has a header, one row per figure and a closing count", () => {
    expect(lines[0]).toMatch(/^Figure\s+\| Value\s+\| Baseline\s+\| Ratio\s+\| Target\s+\| Result$/);
    expect(lines).toHaveLength(2 + figures.length + 2);
    expect(lines.at(-1)).toBe("2 passed, 1 failed");
  });

  it("shows value, baseline, ratio, target and the verdict", () => {
    expect(lines[2]).toContain("181 req/s");
    expect(lines[2]).toContain("250 req/s");
    expect(lines[2]).toContain("0.726");
    expect(lines[2]).toContain("≥ 0.7 × baseline");
    expect(lines[2]).toMatch(/PASS$/);
    expect(lines[4]).toContain("1,235 s");
    expect(lines[4]).toMatch(/FAIL$/);
  });

  it("aligns the columns", () => {
    const bars = lines.slice(2, 5).map((l) => [...l.matchAll(/\|/g)].map((m) => m.index));
    expect(bars[1]).toEqual(bars[0]);
    expect(bars[2]).toEqual(bars[0]);
  });

  it("marks a figure the run could not judge, and counts it apart", () => {
    const slow = figure({ name: "Lighthouse home: performance", value: 72, unit: "", target: { kind: "atLeast", limit: 90 }, notJudged: "machine too slow to judge" });
    const out = formatTable([slow, figures[1]!]).split("\n");
    expect(out[2]).toMatch(/≥ 90 \(not judged: machine too slow to judge\)\s+\| NOT JUDGED$/);
    expect(out.at(-1)).toBe("1 passed, 0 failed, 1 not judged");
  });

  it("prints n/a for an unmeasured value", () => {
    expect(formatTable([{ name: "x", value: Number.NaN, unit: "ms", target: "≤ 1 ms", pass: false }])).toContain("n/a ms");
  });
});
