// `npm run bench:profile -- --cpu-profile`: the server's V8 CPU profile (`--cpu-prof`) read back
// page by page. Each page's measured window is cut out of the one profile by its timestamps, and
// its samples are summed per function, per request: the minified code of Next's runtime (React's
// Flight and Fizz included) and of the build's chunks is named through the source maps beside it,
// so that a line reads `react-dom-server renderElement` instead of `af`.
import fs from "node:fs";
import { SourceMap } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

type CallFrame = { functionName: string; url: string; lineNumber: number; columnNumber: number };
export type CpuProfile = {
  nodes: { id: number; callFrame: CallFrame; children?: number[] }[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
};

/** A page's measured run: from and to in microseconds of process.hrtime (the clock the profile's timestamps use), and the requests it served. */
export type ProfileWindow = { page: string; from: number; to: number; requests: number };

/** What a function of the server took in one window: µs per request, in itself (self) and with what it called (total). */
export type FunctionCost = { name: string; self: number; total: number };

/** The time of each window per function, per request; `name` tells a function by its source (see nameFrame). */
export function costsByWindow(profile: CpuProfile, windows: readonly ProfileWindow[], nameFrame: (frame: CallFrame) => string): Map<string, FunctionCost[]> {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const names = new Map<number, string>();
  const nameOf = (id: number) => {
    let name = names.get(id);
    if (name === undefined) names.set(id, (name = nameFrame(byId.get(id)!.callFrame)));
    return name;
  };
  const sums = new Map<string, Map<string, { self: number; total: number }>>();
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    const delta = profile.timeDeltas[i]!;
    at += delta;
    const window = windows.find((w) => at >= w.from && at < w.to);
    if (!window) continue;
    let perName = sums.get(window.page);
    if (!perName) sums.set(window.page, (perName = new Map()));
    const sample = profile.samples[i]!;
    const seen = new Set<string>();
    for (let id: number | undefined = sample; id !== undefined; id = parentOf.get(id)) {
      const name = nameOf(id);
      const cost = perName.get(name) ?? { self: 0, total: 0 };
      if (id === sample) cost.self += delta;
      // A function on the stack twice (recursion) counts once in its total.
      if (!seen.has(name)) cost.total += delta;
      seen.add(name);
      perName.set(name, cost);
    }
  }
  const requests = new Map<string, number>();
  for (const w of windows) requests.set(w.page, (requests.get(w.page) ?? 0) + w.requests);
  return new Map(
    [...sums].map(([page, perName]) => {
      const n = Math.max(1, requests.get(page) ?? 1);
      return [page, [...perName].map(([name, cost]) => ({ name, self: cost.self / n, total: cost.total / n }))];
    }),
  );
}

/** The functions a page spends most more on than the baseline does, per request: by their own time, or with what they call. */
export function topDifferences(page: readonly FunctionCost[], baseline: readonly FunctionCost[], by: "self" | "total", count: number) {
  const before = new Map(baseline.map((c) => [c.name, c]));
  return page
    .map((c) => ({ name: c.name, page: c[by], baseline: before.get(c.name)?.[by] ?? 0 }))
    .map((row) => ({ ...row, more: row.page - row.baseline }))
    .sort((a, b) => b.more - a.more)
    .slice(0, count);
}

/**
 * Names a profile's frames by their source: a frame of a bundle with a source map (Next's compiled
 * runtime in node_modules, the build's server chunks) by the original file and function, others by
 * file and function. `root` is the repository: the standalone build has no maps, so a file under
 * `standalone/` is looked up again at the same place in the repository (same build, same packages).
 */
export function sourceNamer(root: string): (frame: CallFrame) => string {
  const maps = new Map<string, SourceMap | null>();
  const standalone = `${path.sep}standalone${path.sep}`;
  const mapFor = (file: string): SourceMap | null => {
    if (!maps.has(file)) {
      const at = file.indexOf(standalone);
      const inRepository = at >= 0 ? path.join(root, file.slice(at + standalone.length)) : file;
      const candidate = [`${file}.map`, `${inRepository}.map`].find((f) => fs.existsSync(f));
      maps.set(file, candidate ? new SourceMap(JSON.parse(fs.readFileSync(candidate, "utf8"))) : null);
    }
    return maps.get(file)!;
  };
  return (frame) => {
    const fn = frame.functionName || "(anonymous)";
    if (!frame.url) return fn;
    const file = frame.url.startsWith("file://") ? fileURLToPath(frame.url) : frame.url;
    const map = frame.lineNumber >= 0 && path.isAbsolute(file) ? mapFor(file) : null;
    const entry = map?.findEntry(frame.lineNumber, frame.columnNumber);
    // A segment that maps to no source (some carry only a generated column) names nothing.
    if (map && entry && "originalSource" in entry && entry.originalSource) {
      const line = sourceLine(map, entry.originalSource, entry.originalLine);
      return `${shortSource(entry.originalSource)} ${functionNameIn(line) ?? fn}:${entry.originalLine + 1}`;
    }
    return `${shortSource(file)} ${fn}`;
  };
}

const linesOfSources = new WeakMap<SourceMap, Map<string, string[]>>();

/** One line of a source a map carries (its sourcesContent), or "". */
function sourceLine(map: SourceMap, source: string, line: number): string {
  const payload = map.payload as { sources: string[]; sourcesContent?: (string | null)[] };
  let sources = linesOfSources.get(map);
  if (!sources) linesOfSources.set(map, (sources = new Map()));
  let lines = sources.get(source);
  if (!lines) sources.set(source, (lines = payload.sourcesContent?.[payload.sources.indexOf(source)]?.split("\n") ?? []));
  return lines[line] ?? "";
}

/**
 * The name a function is declared with on its first line, as written before minifying:
 * `function writeChunk(`, `renderElement = function (`, `async tee(): …`.
 */
export function functionNameIn(line: string): string | undefined {
  const match =
    /function\*?\s+([\w$]+)\s*\(/.exec(line) ??
    /([\w$]+)\s*[:=]\s*(?:async\s+)?(?:function\b|\([^)]*\)\s*(?::[^=]+)?=>)/.exec(line) ??
    /^\s*(?:(?:public|private|protected|static|async|get|set)\s+)*([\w$]+)\s*(?:<[^>]*>)?\s*\(/.exec(line);
  const name = match?.[1];
  return name && !["if", "for", "while", "switch", "catch", "return", "function"].includes(name) ? name : undefined;
}

/** A source file named briefly: its package and file, or the app's path. */
function shortSource(source: string): string {
  const parts = source.replace(/^[a-z]+:\/\/+/i, "").split(/[\\/]/);
  const file = parts.at(-1)!.replace(/\.(production|prod)\.js$/, "");
  const pkg = parts.lastIndexOf("node_modules");
  if (pkg >= 0 && parts[pkg + 1]) return parts[pkg + 1]!.startsWith("@") ? `${parts[pkg + 1]}/${parts[pkg + 2]} ${file}` : `${parts[pkg + 1]} ${file}`;
  return file;
}
