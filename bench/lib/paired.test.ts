import { describe, expect, it } from "vitest";
import { combineRuns, measurePaired, type LoadResult } from "./http";

const run = (ok: number, cpuMs: number, p99 = 100): LoadResult => ({ requestsPerSecond: ok / 5, p50: 10, p99, ok, failed: 0, total: ok, cpuMs, cpuMsPerRequest: cpuMs / ok });

describe("combineRuns", () => {
  it("takes rates and CPU per request from the sums, not the mean of the runs' ratios", () => {
    const combined = combineRuns([run(100, 1000), run(300, 1500)], 5);
    expect(combined.requestsPerSecond).toBe(40);
    expect(combined.cpuMsPerRequest).toBe(2500 / 400);
    expect(combined.p99).toBe(100);
  });

  it("has no CPU figure when a run could not read it", () => {
    expect(combineRuns([run(100, 1000), { ...run(100, 0), cpuMs: null, cpuMsPerRequest: null }], 5).cpuMsPerRequest).toBeNull();
  });
});

describe("measurePaired", () => {
  it("alternates baseline and page slices, so both see the same stretch of the machine", async () => {
    const order: string[] = [];
    // A machine that slows down by half during the run: each slice serves fewer requests for the same CPU.
    let speed = 1;
    const result = await measurePaired(
      async (target) => {
        order.push(target);
        speed *= 0.9;
        return target === "page" ? run(Math.round(100 * speed), 1000) : run(Math.round(200 * speed), 1000);
      },
      { slices: 3, sliceSeconds: 5, warmupSeconds: 1 },
    );
    expect(order).toEqual(["baseline", "page", "baseline", "page", "baseline", "page"]);
    // The page costs about twice the baseline's CPU per request whatever the drift.
    expect(result.page.cpuMsPerRequest! / result.baseline.cpuMsPerRequest!).toBeGreaterThan(1.9);
    expect(result.page.cpuMsPerRequest! / result.baseline.cpuMsPerRequest!).toBeLessThan(2.3);
  });

  it("swaps which goes first in every other pair when asked to", async () => {
    for (const [alternate, expected] of [
      ["baseline-first", ["baseline", "page", "page", "baseline", "baseline", "page"]],
      ["page-first", ["page", "baseline", "baseline", "page", "page", "baseline"]],
    ] as const) {
      const order: string[] = [];
      const result = await measurePaired(
        async (target) => {
          order.push(target);
          return target === "page" ? run(100, 2000) : run(100, 1000);
        },
        { slices: 3, sliceSeconds: 5, warmupSeconds: 1, alternate },
      );
      expect(order).toEqual(expected);
      expect(result.page.cpuMsPerRequest).toBe(20);
      expect(result.baseline.cpuMsPerRequest).toBe(10);
    }
  });
});
