// What the collector did during a measured window, from V8's `--trace-gc-nvp`
// lines in the server's log (`npm run bench:profile -- --gc`, bench/README.md).

export type GcSummary = {
  scavenges: number;
  /** The scavenges' pauses, ms: the young generation's collections, on the server's own thread. */
  scavengeMs: number;
  /** Bytes the scavenges moved to the old generation: what only a full collection frees. */
  promotedBytes: number;
  fullCollections: number;
  /** The full collections' final pauses plus their incremental marking steps on the main thread, ms. */
  fullMs: number;
};

/** Sums the `--trace-gc-nvp` lines in a piece of log; other lines (the access log) are skipped. */
export function summariseGcLog(text: string): GcSummary {
  const summary: GcSummary = { scavenges: 0, scavengeMs: 0, promotedBytes: 0, fullCollections: 0, fullMs: 0 };
  for (const line of text.split("\n")) {
    const kind = / gc=(\w+) /.exec(line)?.[1];
    if (!kind) continue;
    const field = (name: string) => Number(new RegExp(` ${name}=([\\d.]+)`).exec(line)?.[1] ?? 0);
    if (kind === "s") {
      summary.scavenges++;
      summary.scavengeMs += field("pause");
      summary.promotedBytes += field("promoted");
    } else if (kind === "mc") {
      summary.fullCollections++;
      summary.fullMs += field("pause") + field("incremental");
    }
  }
  return summary;
}

/** One line of `bench:profile --gc`: the collector's work per request of a page. */
export function describeGcPerRequest(gc: GcSummary, requests: number): string {
  const perRequest = (value: number) => (requests > 0 ? value / requests : 0);
  return [
    `scavenges ${gc.scavenges} (${(perRequest(gc.scavengeMs) * 1000).toFixed(0)} µs/request)`,
    `promoted ${(perRequest(gc.promotedBytes) / 1024).toFixed(1)} KB/request`,
    `full collections ${gc.fullCollections} (${(perRequest(gc.fullMs) * 1000).toFixed(0)} µs/request)`,
  ].join("  ");
}
