// The documentation tells the truth about the repository: what it cites exists,
// it never sends a reader outside the repository, and the decision records keep
// their form (docs/decisions/README.md).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@/lib/utils/password-rules";

const root = path.resolve(import.meta.dirname, "..", "..");
const SKIP = new Set(["node_modules", ".next", ".next-bench", "data", "generated", "test-results", "playwright-report", "results", ".git"]);

function filesUnder(dir: string, extensions: RegExp): string[] {
  return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return SKIP.has(entry.name) ? [] : filesUnder(relative, extensions);
    return extensions.test(entry.name) ? [relative] : [];
  });
}

const read = (file: string) => fs.readFileSync(path.join(root, file), "utf8");
const sources = [...filesUnder(".", /\.(ts|tsx|mjs|cjs|js|prisma|md)$/)];
// The template's links are placeholders.
const markdown = sources.filter((file) => file.endsWith(".md") && file !== path.join("docs", "decisions", "template.md"));
const decisionsDir = path.join("docs", "decisions");
const records = fs.readdirSync(path.join(root, decisionsDir)).filter((name) => /^\d{3}-.+\.md$/.test(name)).sort();

describe("references to decision records", () => {
  it("name records that exist", () => {
    const broken: string[] = [];
    for (const file of sources) {
      for (const [cited] of read(file).matchAll(/docs\/decisions\/\d{3}[-a-z0-9]*(?:\.md)?/g)) {
        const name = path.basename(cited);
        const exists = name.endsWith(".md") ? records.includes(name) : records.some((record) => record.startsWith(`${name}-`) || record === `${name}.md`);
        if (!exists) broken.push(`${file}: ${cited}`);
      }
    }
    expect(broken).toEqual([]);
  });
});

describe("links in the documentation", () => {
  it("resolve to files inside the repository", () => {
    const broken: string[] = [];
    for (const file of markdown) {
      for (const [, target] of read(file).matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^(https?:|mailto:|#)/.test(target!)) continue;
        const resolved = path.resolve(root, path.dirname(file), decodeURI(target!.split("#")[0]!));
        if (!resolved.startsWith(root + path.sep) || !fs.existsSync(resolved)) broken.push(`${file}: ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it("never send the reader to a folder outside the repository", () => {
    const outside: string[] = [];
    for (const file of markdown) {
      for (const [, target] of read(file).matchAll(/[`(](\.\.\/[^`)\s]*)/g)) {
        const resolved = path.resolve(root, path.dirname(file), target!);
        if (!resolved.startsWith(root + path.sep) || !fs.existsSync(resolved)) outside.push(`${file}: ${target}`);
      }
    }
    expect(outside).toEqual([]);
  });
});

describe("decision records", () => {
  it("each state a date and a status", () => {
    for (const record of records) {
      const text = read(path.join(decisionsDir, record));
      expect(text, record).toMatch(new RegExp(`^# ${record.slice(0, 3)}: \\S`));
      expect(text, record).toMatch(/^Date: \d{4}-\d{2}-\d{2}$/m);
      expect(text, record).toMatch(/^Status: (proposed|accepted|superseded by \[\d{3}\]\(\d{3}-[^)]+\.md\)|accepted; partly superseded by \[\d{3}\]\(\d{3}-[^)]+\.md\))/m);
    }
  });

  it("are all in the index, with the status each record states", () => {
    const index = read(path.join(decisionsDir, "README.md")).split("\n");
    for (const record of records) {
      const status = /^Status: (.+)$/m.exec(read(path.join(decisionsDir, record)))![1]!;
      const row = index.find((line) => line.startsWith(`| [${record.slice(0, 3)}](${record}) |`));
      expect(row, `${record} is missing from docs/decisions/README.md`).toBeDefined();
      // The index may leave out the explanation in parentheses at the end of the line.
      expect(row, record).toContain(status.replace(/ \([^()]*\)$/, ""));
    }
  });
});

describe("SECURITY.md", () => {
  it("states the password length the code enforces", () => {
    expect(read("SECURITY.md")).toContain(`at least ${PASSWORD_MIN_LENGTH} characters and at most ${PASSWORD_MAX_LENGTH}`);
  });
});
