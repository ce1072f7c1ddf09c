import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addCompileHints, COMPILE_HINT } from "./compile-hints.mjs";

describe("addCompileHints", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "compile-hints-"));
    fs.mkdirSync(path.join(dir, "app", "nested"), { recursive: true });
    fs.writeFileSync(path.join(dir, "main.js"), '(globalThis.TURBOPACK||[]).push(["a",1]);\n');
    fs.writeFileSync(path.join(dir, "app", "nested", "page.js"), "console.log(1)");
    fs.writeFileSync(path.join(dir, "styles.css"), "body{margin:0}");
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("puts the hint on the first line of every script, in nested folders too, and leaves other files alone", () => {
    expect(addCompileHints(dir)).toBe(2);
    expect(fs.readFileSync(path.join(dir, "main.js"), "utf8")).toBe(`${COMPILE_HINT}(globalThis.TURBOPACK||[]).push(["a",1]);\n`);
    expect(fs.readFileSync(path.join(dir, "app", "nested", "page.js"), "utf8")).toBe(`${COMPILE_HINT}console.log(1)`);
    expect(fs.readFileSync(path.join(dir, "styles.css"), "utf8")).toBe("body{margin:0}");
  });

  it("adds it once, however often the build step runs", () => {
    addCompileHints(dir);
    expect(addCompileHints(dir)).toBe(0);
    expect(fs.readFileSync(path.join(dir, "main.js"), "utf8").split(COMPILE_HINT)).toHaveLength(2);
  });

  it("does nothing when the build has no such folder", () => {
    expect(addCompileHints(path.join(dir, "missing"))).toBe(0);
  });
});
