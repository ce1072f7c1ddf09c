// An error is dropped only on purpose (docs/style.md, "Names and comments"): a
// `.catch(() => undefined)` (or null, {}, [], false) needs a comment on its line
// or just above it saying why losing that error is right, or it logs instead
// (lib/server/observability/log-dropped-error.ts).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..", "..");
const SKIP = new Set(["node_modules", ".next", ".next-bench", "data", "generated", "test-results", "playwright-report", "results", ".git"]);

function filesUnder(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return SKIP.has(entry.name) ? [] : filesUnder(relative);
    return /\.(ts|tsx|mjs|cjs|js)$/.test(entry.name) ? [relative] : [];
  });
}

/** A handler that throws the error away: `() => undefined`, `(_error) => null`, `() => {}`, `() => []`, `() => false`. */
const SILENT_CATCH = /\.catch\(\s*\(\s*\w*\s*\)\s*=>\s*(?:undefined|null|void 0|false|\{\s*\}|\[\s*\])\s*\)/;
/** A comment on the line itself or on one of the two lines above. */
const COMMENT = /\/\/|\/\*|^\s*\*/;

function silentCatches(source: string): number[] {
  const lines = source.split("\n");
  const found: number[] = [];
  lines.forEach((line, index) => {
    if (!SILENT_CATCH.test(line)) return;
    const context = [line.replace(SILENT_CATCH, ""), lines[index - 1] ?? "", lines[index - 2] ?? ""];
    if (!context.some((text) => COMMENT.test(text))) found.push(index + 1);
  });
  return found;
}

describe("dropped errors", () => {
  it("recognises a silent catch, and one that says why", () => {
    // Examples as text, not code:
    expect(silentCatches("await send().catch(() => undefined);")).toEqual([1]);
    // (and more of them):
    expect(silentCatches("x.catch((_e) => null)\ny.catch(() => {})\nz.catch(() => [])")).toEqual([1, 2, 3]);
    expect(silentCatches("// The clean-up removes it later.\nawait rm().catch(() => undefined);")).toEqual([]);
    expect(silentCatches("await rm().catch(() => undefined); // best effort: the clean-up removes it later")).toEqual([]);
    expect(silentCatches("await rm().catch(logDroppedError(\"rm\"));")).toEqual([]);
  });

  it("drops no error anywhere in the repository without a comment saying why", () => {
    const offenders = filesUnder(".").flatMap((file) => silentCatches(fs.readFileSync(path.join(root, file), "utf8")).map((line) => `${file}:${line}`));
    expect(offenders).toEqual([]);
  });
});
