import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { costsByWindow, functionNameIn, sourceNamer, topDifferences, type CpuProfile } from "./cpu-profile";

const frame = (functionName: string, url = "") => ({ functionName, url, lineNumber: 0, columnNumber: 0 });

// (root) → render → write, and render → render (a recursion); samples every 10 µs from t = 1000.
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame("(root)"), children: [2] },
    { id: 2, callFrame: frame("render"), children: [3, 4] },
    { id: 3, callFrame: frame("write") },
    { id: 4, callFrame: frame("render") },
  ],
  startTime: 1000,
  samples: [3, 3, 2, 4, 3, 3],
  timeDeltas: [10, 10, 10, 10, 10, 10],
};

describe("costsByWindow", () => {
  it("sums each window's samples per function and per request, in the function itself and with its callees", () => {
    const costs = costsByWindow(
      profile,
      [
        { page: "baseline", from: 1000, to: 1035, requests: 1 }, // samples at 1010, 1020, 1030
        { page: "page", from: 1035, to: 2000, requests: 2 }, // samples at 1040, 1050, 1060
      ],
      (f) => f.functionName,
    );
    const of = (page: string, name: string) => costs.get(page)!.find((c) => c.name === name);
    expect(of("baseline", "write")).toEqual({ name: "write", self: 20, total: 20 });
    expect(of("baseline", "render")).toEqual({ name: "render", self: 10, total: 30 });
    // The recursive render is on the stack twice in one sample and counts once in the total.
    expect(of("page", "render")).toEqual({ name: "render", self: 5, total: 15 });
    expect(of("page", "write")).toEqual({ name: "write", self: 10, total: 10 });
    expect(of("page", "(root)")).toEqual({ name: "(root)", self: 0, total: 15 });
  });

  it("leaves out samples outside every window", () => {
    const costs = costsByWindow(profile, [{ page: "late", from: 5000, to: 6000, requests: 1 }], (f) => f.functionName);
    expect(costs.size).toBe(0);
  });
});

describe("topDifferences", () => {
  it("orders a page's functions by how much more than the baseline they cost", () => {
    const rows = topDifferences(
      [
        { name: "a", self: 5, total: 50 },
        { name: "b", self: 30, total: 30 },
        { name: "c", self: 8, total: 8 },
      ],
      [
        { name: "a", self: 4, total: 10 },
        { name: "b", self: 25, total: 25 },
      ],
      "self",
      2,
    );
    expect(rows).toEqual([
      { name: "c", page: 8, baseline: 0, more: 8 },
      { name: "b", page: 30, baseline: 25, more: 5 },
    ]);
    expect(topDifferences([{ name: "a", self: 5, total: 50 }], [{ name: "a", self: 4, total: 10 }], "total", 1)[0]!.more).toBe(40);
  });
});

describe("functionNameIn", () => {
  it.each([
    ["function writeChunk(destination, chunk) {", "writeChunk"],
    ["  async function* rows(stream) {", "rows"],
    ["var renderElement = function (request, task) {", "renderElement"],
    ["export const onChunk = (chunk: string): void => {", "onChunk"],
    ["  tee(): AnyStream {", "tee"],
    ["  private async flushBuffered<T>(x: T) {", "flushBuffered"],
    ["  if (a) {", undefined],
    ["    return (", undefined],
  ])("%s → %s", (line, name) => {
    expect(functionNameIn(line)).toBe(name);
  });
});

describe("sourceNamer", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("names a minified frame by its original function, with the map found at the same place in the repository for a standalone build", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "cpu-profile-"));
    dirs.push(root);
    fs.mkdirSync(path.join(root, "standalone", "chunks"), { recursive: true });
    fs.mkdirSync(path.join(root, "chunks"));
    fs.writeFileSync(path.join(root, "standalone", "chunks", "c.js"), "function q(a){}\n");
    // Generated line 1, column 0 → source 0, line 2, column 0 ("AACA").
    const map = { version: 3, file: "c.js", sources: ["webpack://app/./src/server/render-list.ts"], sourcesContent: ["// rows\nexport function renderList(rows) {\n}\n"], names: [], mappings: "AACA" };
    fs.writeFileSync(path.join(root, "chunks", "c.js.map"), JSON.stringify(map));
    const name = sourceNamer(root);
    expect(name({ functionName: "q", url: pathToFileURL(path.join(root, "standalone", "chunks", "c.js")).href, lineNumber: 0, columnNumber: 0 })).toBe("render-list.ts renderList:2");
    // Without a map: the package and file, and the function as the profile has it.
    expect(name({ functionName: "addFields", url: pathToFileURL(path.join(root, "node_modules", "pg", "lib", "result.js")).href, lineNumber: 80, columnNumber: 2 })).toBe("pg result.js addFields");
    expect(name({ functionName: "(garbage collector)", url: "", lineNumber: -1, columnNumber: -1 })).toBe("(garbage collector)");
  });
});
