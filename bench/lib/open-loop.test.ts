import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { dueAt, measureOpenLoop } from "./open-loop";

/** A server that answers one request at a time, each after `workMs` (one busy core), with `status`. */
async function serialServer(workMs: number, status = 200) {
  let queue = Promise.resolve();
  const server = http.createServer((_req, res) => {
    queue = queue.then(() => new Promise((resolve) => setTimeout(resolve, workMs))).then(() => {
      res.writeHead(status).end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, close: () => new Promise((r) => server.close(r)) };
}

let close: (() => Promise<unknown>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

describe("measureOpenLoop", () => {
  it("spaces the requests evenly at the rate asked for", () => {
    expect([0, 1, 2, 40].map((i) => dueAt(i, 40))).toEqual([0, 25, 50, 1000]);
  });

  it("sends at the rate asked for and measures a server that keeps up", async () => {
    const server = await serialServer(1);
    close = server.close;
    const result = await measureOpenLoop({ url: server.url, rate: 50, seconds: 1 });
    expect(result).toMatchObject({ rate: 50, ok: 50, failed: 0 });
    expect(result.sentPerSecond).toBeGreaterThan(45);
    expect(result.sentPerSecond).toBeLessThan(55);
    expect(result.p50).toBeLessThan(100);
    expect(result.generatorDelayMaxMs).toBeLessThan(150);
  });

  it("reports its own stall, so that latencies it caused are not blamed on the server", async () => {
    const server = await serialServer(1);
    close = server.close;
    // The generator's own thread busy for 300 ms in the middle of the run (as when its core is shared).
    setTimeout(() => {
      const until = performance.now() + 300;
      while (performance.now() < until);
    }, 400);
    const result = await measureOpenLoop({ url: server.url, rate: 50, seconds: 1 });
    expect(result.generatorDelayMaxMs).toBeGreaterThan(250);
    expect(result.p99).toBeGreaterThan(250);
  });

  it("counts the time a request waited behind the others when the server falls behind", async () => {
    // 40 ms of work per request at 50 requests a second: twice what the server can do, so its queue
    // grows for the whole second and the last request waits about a second. A closed loop would not see it.
    const server = await serialServer(40);
    close = server.close;
    const result = await measureOpenLoop({ url: server.url, rate: 50, seconds: 1 });
    expect(result.ok).toBe(50);
    expect(result.p99).toBeGreaterThan(700);
    expect(result.p50).toBeGreaterThan(300);
  });

  it("counts answers other than the one expected as failed", async () => {
    const server = await serialServer(1, 500);
    close = server.close;
    const result = await measureOpenLoop({ url: server.url, rate: 20, seconds: 0.5 });
    expect(result).toMatchObject({ ok: 0, failed: 10 });
    expect(result.p99).toBeNaN();
  });
});
