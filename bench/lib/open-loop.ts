// Latency under a steady load (issue 20, target 2): requests sent at a fixed
// arrival rate whatever the server does (an open loop), each one's latency
// counted from the moment it was due, not from when it was sent. A server that
// falls behind therefore shows its queue in the figures instead of slowing the
// load down (the "coordinated omission" of closed-loop tools).
//
// Not autocannon's overallRate: autocannon gives every connection a quota per
// second and sends it back to back at the start of each second, so its arrivals
// come in bursts of as many requests as it has connections.
import http from "node:http";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { processCpuMs } from "./cpu";
import { percentile } from "./stats";

export type OpenLoopResult = {
  /** The arrival rate asked for, and the one achieved (requests sent per second of the run). */
  rate: number;
  sentPerSecond: number;
  p50: number;
  p99: number;
  max: number;
  ok: number;
  failed: number;
  cpuMsPerRequest: number | null;
  /**
   * The generator's own worst event-loop delay during the run, in ms: when it is
   * large, requests were sent or their answers read late by the generator itself
   * (its core was busy), and the latencies blame the server for it.
   */
  generatorDelayMaxMs: number;
};

type OpenLoop = {
  url: string;
  /** Requests per second. */
  rate: number;
  seconds: number;
  headers?: Record<string, string>;
  /** A POST whose body is built anew for each request. */
  post?: () => { body: string; contentType: string };
  expectStatus?: number;
  serverPid?: number;
  /** A request that has not answered after this many ms counts as failed (10 s). */
  timeoutMs?: number;
};

/** When request i (0-based) is due, in ms from the start: evenly spaced at `rate` per second. */
export const dueAt = (i: number, rate: number) => (i * 1000) / rate;

/** Sends `rate × seconds` requests, each at its due time, on keep-alive connections opened as needed. */
export async function measureOpenLoop({ url, rate, seconds, headers = {}, post, expectStatus = 200, serverPid, timeoutMs = 10_000 }: OpenLoop): Promise<OpenLoopResult> {
  if (!(rate > 0) || !(seconds > 0)) throw new Error(`an open-loop run needs a positive rate and duration (got ${rate}/s for ${seconds} s)`);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const target = new URL(url);
  const total = Math.round(rate * seconds);
  const latencies: number[] = [];
  let ok = 0;
  let failed = 0;

  const send = (due: number, startedAt: number) =>
    new Promise<void>((resolve) => {
      const finish = (good: boolean) => {
        if (good) {
          ok++;
          latencies.push(performance.now() - (startedAt + due));
        } else failed++;
        resolve();
      };
      const body = post?.();
      const request = http.request(
        target,
        {
          agent,
          method: body ? "POST" : "GET",
          headers: { ...headers, ...(body ? { "content-type": body.contentType, "content-length": Buffer.byteLength(body.body) } : {}) },
          timeout: timeoutMs,
        },
        (response) => {
          response.resume();
          response.on("end", () => finish(response.statusCode === expectStatus));
          response.on("error", () => finish(false));
        },
      );
      request.on("timeout", () => request.destroy(new Error("timeout")));
      request.on("error", () => finish(false));
      request.end(body?.body);
    });

  const loopDelay = monitorEventLoopDelay({ resolution: 5 });
  loopDelay.enable();
  const cpuBefore = processCpuMs(serverPid);
  const startedAt = performance.now();
  const inFlight: Promise<void>[] = [];
  let next = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now() - startedAt;
      while (next < total && dueAt(next, rate) <= now) inFlight.push(send(dueAt(next++, rate), startedAt));
      if (next >= total) return resolve();
      // Wake up when the next request is due (timers fire no earlier than asked; at most a millisecond late).
      setTimeout(tick, Math.max(0, dueAt(next, rate) - (performance.now() - startedAt) - 1));
    };
    tick();
  });
  const sendingSeconds = (performance.now() - startedAt) / 1000;
  await Promise.all(inFlight);
  const cpuAfter = processCpuMs(serverPid);
  loopDelay.disable();
  agent.destroy();
  return {
    rate,
    // The last request is due at (total - 1) / rate: a generator on time gives exactly `rate`.
    sentPerSecond: total / (sendingSeconds + 1 / rate),
    p50: latencies.length ? percentile(latencies, 50) : Number.NaN,
    p99: latencies.length ? percentile(latencies, 99) : Number.NaN,
    max: latencies.length ? Math.max(...latencies) : Number.NaN,
    ok,
    failed,
    cpuMsPerRequest: cpuBefore !== null && cpuAfter !== null ? (cpuAfter - cpuBefore) / total : null,
    // The histogram records nanoseconds.
    generatorDelayMaxMs: loopDelay.max / 1e6,
  };
}
