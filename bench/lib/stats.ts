// Percentiles of timing samples (nearest-rank: the value below which p% of the samples fall).

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error("percentile of no samples");
  if (!(p > 0 && p <= 100)) throw new Error(`percentile must be in (0, 100], got ${p}`);
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export type Summary = { n: number; p50: number; p95: number; p99: number; mean: number; max: number };

export function summarize(samples: readonly number[]): Summary {
  const sum = samples.reduce((a, b) => a + b, 0);
  return {
    n: samples.length,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
    mean: sum / samples.length,
    max: Math.max(...samples),
  };
}

/**
 * Two builds' ratio from halves measured with the servers' roles swapped
 * (`bench:compare`): the geometric mean of the halves' ratios, so an effect of
 * the role that multiplies one server's cost cancels out.
 */
export function pairedRatio(ratios: readonly number[]): number {
  if (ratios.length === 0 || ratios.some((r) => !(r > 0))) throw new Error(`ratios must be positive numbers, got ${ratios.join(", ")}`);
  return Math.exp(ratios.reduce((a, r) => a + Math.log(r), 0) / ratios.length);
}
