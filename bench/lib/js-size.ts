import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { scriptUrls } from "./html";
import { BENCH_DIST_DIR } from "./server";

const root = path.resolve(import.meta.dirname, "..", "..");
const PREFIX = "/_next/static/";

const gzipSize = (file: string) => zlib.gzipSync(fs.readFileSync(path.join(root, BENCH_DIST_DIR, "static", file)), { level: 6 }).length;

/**
 * The framework's floor in the benchmark's build: the scripts Next lists as
 * every App Router page's own (build-manifest.json's rootMainFiles: React,
 * React DOM, Next's router and runtime), which a page with no client component
 * of ours still loads. Paths relative to the build's static folder.
 */
export function frameworkFloor(manifest = JSON.parse(fs.readFileSync(path.join(root, BENCH_DIST_DIR, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] }) {
  const files = manifest.rootMainFiles.map((f) => f.replace(/^static\//, ""));
  if (files.length === 0) throw new Error("the build manifest lists no rootMainFiles: cannot tell the framework's floor");
  return { files, gzip: files.reduce((sum, f) => sum + gzipSize(f), 0) };
}

/** The version of Next the build was made with, shown beside the floor so an upgrade that raises it is visible. */
export const nextVersion = (): string => (JSON.parse(fs.readFileSync(path.join(root, "node_modules", "next", "package.json"), "utf8")) as { version: string }).version;

/**
 * JavaScript a page makes the browser download, in gzip bytes: every script the
 * rendered HTML references, read from the benchmark's build (.next-bench/static) and gzipped;
 * `aboveFloor` leaves out the framework floor's files. The RSC payload inlined in
 * the HTML is data, counted with the document.
 */
export function javascriptBytes(html: string, floorFiles: readonly string[] = []): { gzip: number; files: number; aboveFloor: number } {
  const files = scriptUrls(html)
    .filter((u) => u.startsWith(PREFIX))
    .map((u) => decodeURIComponent(u.slice(PREFIX.length).split("?")[0]!));
  let gzip = 0;
  let aboveFloor = 0;
  for (const file of files) {
    const size = gzipSize(file);
    gzip += size;
    if (!floorFiles.includes(file)) aboveFloor += size;
  }
  return { gzip, files: files.length, aboveFloor };
}
