import { describe, expect, it } from "vitest";
import { pairedRatio, percentile, summarize } from "./stats";

describe("percentile (nearest rank)", () => {
  const hundred = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1, unsorted on purpose

  it("gives the value below which p% of the samples fall", () => {
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 100)).toBe(100);
  });

  it("works on one sample and on small sets", () => {
    expect(percentile([7], 50)).toBe(7);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([1, 2, 3], 50)).toBe(2);
    expect(percentile([1, 2, 3, 4], 50)).toBe(2);
  });

  it("refuses no samples and out-of-range percentiles", () => {
    expect(() => percentile([], 50)).toThrow();
    expect(() => percentile([1], 0)).toThrow();
    expect(() => percentile([1], 101)).toThrow();
  });

  it("does not reorder the caller's array", () => {
    const samples = [3, 1, 2];
    percentile(samples, 50);
    expect(samples).toEqual([3, 1, 2]);
  });
});

describe("summarize", () => {
  it("reports count, percentiles, mean and max", () => {
    const s = summarize([1, 2, 3, 4, 10]);
    expect(s).toEqual({ n: 5, p50: 3, p95: 10, p99: 10, mean: 4, max: 10 });
  });
});

describe("pairedRatio (bench:compare's halves with the servers' roles swapped)", () => {
  it("cancels an effect of the role that multiplies one server's cost", () => {
    // Identical builds; the server started first costs 20 % more in either half.
    expect(pairedRatio([1 / 1.2, 1.2])).toBeCloseTo(1, 12);
    // A build 10 % cheaper, measured through the same role effect.
    expect(pairedRatio([0.9 / 1.2, 0.9 * 1.2])).toBeCloseTo(0.9, 12);
  });

  it("is the ratio itself when there is one half, and refuses what is not a ratio", () => {
    expect(pairedRatio([0.87])).toBe(0.87);
    expect(() => pairedRatio([])).toThrow();
    expect(() => pairedRatio([1, 0])).toThrow();
    expect(() => pairedRatio([Number.NaN])).toThrow();
  });
});
