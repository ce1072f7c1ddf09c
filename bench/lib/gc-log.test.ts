import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { describeGcPerRequest, summariseGcLog } from "./gc-log";

// Shortened from a real server's log: V8 prints many more fields on each line.
const scavenge = (pause: number, promoted: number) =>
  `[18051:0x2663c000:0]       79 ms: pause=${pause} mutator=72.9 gc=s reduce_memory=0 interleaved=0 scavenge=1.98 promoted=${promoted} semi_space_copied=506448 nodes_promoted=0`;
const full = (pause: number, incremental: number) =>
  `[18051:0x2663c000:0]      404 ms: pause=${pause} mutator=10.0 gc=mc reduce_memory=0 mark=0.8 mark.finish_incremental=0.0 incremental=${incremental} incremental.sweeping=0.0 incremental_steps_count=90 background.mark=23.0 promoted=2362496`;

describe("summariseGcLog", () => {
  it("adds up the scavenges and the full collections, and skips the access log between them", () => {
    const log = [
      scavenge(2.1, 1_000_000),
      '{"level":30,"msg":"request","status":200,"path":"/staff/requests"}',
      scavenge(3.4, 500_000),
      full(7.1, 4.1),
      "",
    ].join("\n");
    expect(summariseGcLog(log)).toEqual({ scavenges: 2, scavengeMs: 5.5, promotedBytes: 1_500_000, fullCollections: 1, fullMs: 11.2 });
  });

  it("does not read a full collection's own promoted field as the scavenges'", () => {
    expect(summariseGcLog(full(5, 1)).promotedBytes).toBe(0);
  });

  it("reads what a real Node process prints (the Node running the tests, or BENCH_SERVER_NODE)", () => {
    const node = process.env.BENCH_SERVER_NODE ?? process.execPath;
    const child = spawnSync(node, ["--trace-gc-nvp", "-e", "const keep = []; for (let i = 0; i < 3e5; i++) keep.push({ i }); globalThis.gc?.();"], { encoding: "utf8" });
    const summary = summariseGcLog(child.stdout);
    expect(summary.scavenges).toBeGreaterThan(0);
    expect(summary.promotedBytes).toBeGreaterThan(0);
  });
});

describe("describeGcPerRequest", () => {
  it("divides by the requests served", () => {
    expect(describeGcPerRequest({ scavenges: 4, scavengeMs: 20, promotedBytes: 2048 * 100, fullCollections: 1, fullMs: 10 }, 100)).toBe(
      "scavenges 4 (200 µs/request)  promoted 2.0 KB/request  full collections 1 (100 µs/request)",
    );
  });
});
