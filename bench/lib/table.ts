import type { Figure } from "./figures";

// Plain-text table of the figures, grouped by section, for the terminal.

function formatNumber(value: number | undefined): string {
  if (value === undefined) return "";
  if (!Number.isFinite(value)) return "n/a";
  if (Math.abs(value) >= 100) return Math.round(value).toLocaleString("en-US");
  return String(Number(value.toPrecision(3)));
}

export function formatTable(figures: readonly Figure[]): string {
  const header = ["Figure", "Value", "Baseline", "Ratio", "Target", "Result"];
  const rows = figures.map((f) => [
    f.name,
    `${formatNumber(f.value)} ${f.unit}`.trim(),
    f.baseline === undefined ? "" : `${formatNumber(f.baseline)} ${f.unit}`.trim(),
    f.ratio === undefined ? "" : formatNumber(f.ratio),
    f.target,
    f.judged === false ? "NOT JUDGED" : f.pass ? "PASS" : "FAIL",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ").trimEnd();
  const failed = figures.filter((f) => !f.pass).length;
  const unjudged = figures.filter((f) => f.judged === false).length;
  return [
    line(header),
    widths.map((w) => "-".repeat(w)).join("-|-"),
    ...rows.map(line),
    "",
    `${figures.length - failed - unjudged} passed, ${failed} failed${unjudged ? `, ${unjudged} not judged` : ""}`,
  ].join("\n");
}
