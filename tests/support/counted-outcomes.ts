import type { Counter } from "prom-client";

/** A counter's values by their `outcome` label, as /api/metrics would show them (outcomes not yet counted are absent). */
export async function countedOutcomes(counter: Counter<"outcome">): Promise<Record<string, number>> {
  return Object.fromEntries((await counter.get()).values.map((v) => [String(v.labels.outcome), v.value]));
}

/** What a counter gained by outcome since `before`: the process's registry counts every test of the file. */
export async function countedSince(counter: Counter<"outcome">, before: Record<string, number>, outcomes: readonly string[]): Promise<Record<string, number>> {
  const after = await countedOutcomes(counter);
  return Object.fromEntries(outcomes.map((outcome) => [outcome, (after[outcome] ?? 0) - (before[outcome] ?? 0)]));
}
