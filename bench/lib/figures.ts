// One benchmark figure, its target and whether it passed: the rows of the table
// and the objects of bench/results/latest.json.

export type Figure = {
  name: string;
  value: number;
  unit: string;
  /** The same measurement on the baseline, taken in the same run. */
  baseline?: number;
  /** value / baseline. */
  ratio?: number;
  /** Human-readable target, e.g. "≤ 150 ms" or "≥ 0.7 × baseline"; "report only" when the issue sets none. */
  target: string;
  pass: boolean;
  /** Set (false) when the run could not judge the target, e.g. Lighthouse on a machine too slow: the value is reported, the target does not fail. */
  judged?: false;
};

export type Target =
  | { kind: "atMost"; limit: number }
  | { kind: "atLeast"; limit: number }
  | { kind: "ratioAtLeast"; limit: number }
  | { kind: "ratioAtMost"; limit: number }
  | { kind: "reportOnly" };

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(3))));

export function describeTarget(target: Target, unit: string): string {
  switch (target.kind) {
    case "atMost":
      return `≤ ${fmt(target.limit)} ${unit}`.trim();
    case "atLeast":
      return `≥ ${fmt(target.limit)} ${unit}`.trim();
    case "ratioAtLeast":
      return `≥ ${fmt(target.limit)} × baseline`;
    case "ratioAtMost":
      return `≤ ${fmt(target.limit)} × baseline`;
    case "reportOnly":
      return "report only";
  }
}

/** Builds a figure and decides pass/fail. A missing or non-finite value always fails a target. */
export function figure({
  name,
  value,
  unit,
  baseline,
  target,
  notJudged,
}: {
  name: string;
  value: number;
  unit: string;
  baseline?: number;
  target: Target;
  /** Why this run cannot judge the target (the figure is reported, marked, and passes). */
  notJudged?: string;
}): Figure {
  const ratio = baseline !== undefined && baseline > 0 && Number.isFinite(value) ? value / baseline : undefined;
  let pass: boolean;
  switch (target.kind) {
    case "atMost":
      pass = Number.isFinite(value) && value <= target.limit;
      break;
    case "atLeast":
      pass = Number.isFinite(value) && value >= target.limit;
      break;
    case "ratioAtLeast":
      pass = ratio !== undefined && ratio >= target.limit;
      break;
    case "ratioAtMost":
      pass = ratio !== undefined && ratio <= target.limit;
      break;
    case "reportOnly":
      pass = true;
      break;
  }
  return {
    name,
    value,
    unit,
    ...(baseline !== undefined ? { baseline } : {}),
    ...(ratio !== undefined ? { ratio: Math.round(ratio * 1000) / 1000 } : {}),
    target: notJudged ? `${describeTarget(target, unit)} (not judged: ${notJudged})` : describeTarget(target, unit),
    ...(notJudged ? { pass: true, judged: false as const } : { pass }),
  };
}

/** A figure that could not be measured (the step failed): it fails its target and says why in the name. */
export function unmeasured(name: string, unit: string, target: Target, why: string): Figure {
  return { name: `${name} (not measured: ${why})`, value: Number.NaN, unit, target: describeTarget(target, unit), pass: target.kind === "reportOnly" };
}
