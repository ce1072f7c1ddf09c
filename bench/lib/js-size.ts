import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { scriptUrls } from "./html";
import { BENCH_DIST_DIR } from "./server";

const root = path.resolve(import.meta.dirname, "..", "..");

/**
 * JavaScript a page makes the browser download, in gzip bytes: every script the
 * rendered HTML references, read from the benchmark's build (.next-bench/static) and gzipped.
 * The RSC payload inlined in the HTML is data, counted with the document.
 */
export function javascriptBytes(html: string): { gzip: number; files: number } {
  let gzip = 0;
  const urls = scriptUrls(html).filter((u) => u.startsWith("/_next/static/"));
  for (const url of urls) {
    const file = path.join(root, BENCH_DIST_DIR, "static", decodeURIComponent(url.slice("/_next/static/".length).split("?")[0]!));
    gzip += zlib.gzipSync(fs.readFileSync(file), { level: 6 }).length;
  }
  return { gzip, files: urls.length };
}
