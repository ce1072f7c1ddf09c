// Whether something besides the benchmark used the machine while it ran. The
// load average cannot tell: the benchmark's own server, load generator,
// PostgreSQL and Lighthouse keep it above 2 on a 2-core machine, and a run once
// warned of "other work" that was its own. What can tell is the CPU time of
// every process that is not the benchmark's, read from /proc every two seconds
// of the run.
import fs from "node:fs";
import { parseProcStat, type ProcessSample } from "./cpu";

export type OtherProcess = { pid: number; comm: string; cpuMs: number };

/**
 * The CPU time each process outside the benchmark used across a series of
 * samples (the first taken at the start), most first. The benchmark is
 * `ownPid` with its ancestors (npm, the shell, not pid 1) and descendants (the
 * server, Lighthouse and its browser), and PostgreSQL's processes (the database
 * under test). Kernel threads work for every process, the benchmark's too (its
 * network and disk), and are left out. A process counts from its first sample
 * (from zero when it started after the first) to its last, so one that lived
 * between two samples only is not seen.
 */
export function otherProcessesCpu(series: readonly Map<number, ProcessSample>[], ownPid: number): OtherProcess[] {
  const parentOf = new Map<number, number>();
  for (const samples of series) for (const s of samples.values()) parentOf.set(s.pid, s.ppid);
  const ownAncestors = new Set<number>();
  // Up to, not including, pid 1 (the machine's init, or whatever agent runs as it).
  for (let pid: number | undefined = ownPid; pid !== undefined && pid > 1 && !ownAncestors.has(pid); pid = parentOf.get(pid)) ownAncestors.add(pid);
  const isKernelThread = (s: ProcessSample) => s.pid === 2 || s.ppid === 2;
  const descendsFromOwn = (pid: number) => {
    const seen = new Set<number>();
    for (let p: number | undefined = pid; p !== undefined && p > 0 && !seen.has(p); p = parentOf.get(p)) {
      if (p === ownPid) return true;
      seen.add(p);
    }
    return false;
  };
  // One process is a pid with its start time: a pid may be reused by a new process.
  const spans = new Map<string, { sample: ProcessSample; fromMs: number; toMs: number }>();
  series.forEach((samples, index) => {
    for (const s of samples.values()) {
      const key = `${s.pid}:${s.startTicks}`;
      const span = spans.get(key);
      if (span) span.toMs = s.cpuMs;
      else spans.set(key, { sample: s, fromMs: index === 0 ? s.cpuMs : 0, toMs: s.cpuMs });
    }
  });
  const others: OtherProcess[] = [];
  for (const { sample: s, fromMs, toMs } of spans.values()) {
    if (ownAncestors.has(s.pid) || descendsFromOwn(s.pid) || isKernelThread(s) || /^postgres/.test(s.comm)) continue;
    if (toMs > fromMs) others.push({ pid: s.pid, comm: s.comm, cpuMs: toMs - fromMs });
  }
  return others.sort((a, b) => b.cpuMs - a.cpuMs);
}

/**
 * Every process now, by pid; empty where there is no /proc (not Linux). Read
 * asynchronously, on libuv's threads: the open-loop generator shares this
 * event loop, and reading a hundred processes at once would hold it 3-8 ms.
 * Processes that end while being read are skipped.
 */
export async function sampleProcesses(): Promise<Map<number, ProcessSample>> {
  const samples = new Map<number, ProcessSample>();
  let entries: string[];
  try {
    entries = (await fs.promises.readdir("/proc")).filter((name) => /^\d+$/.test(name));
  } catch {
    return samples;
  }
  await Promise.all(
    entries.map(async (pid) => {
      try {
        const sample = parseProcStat(await fs.promises.readFile(`/proc/${pid}/stat`, "utf8"));
        samples.set(sample.pid, sample);
      } catch {
        // gone since the directory was read
      }
    }),
  );
  return samples;
}

/** Samples every process now and then every `everyMs` until stopped; then what processes outside the benchmark used (otherProcessesCpu). */
export async function watchOtherProcesses(ownPid: number, everyMs = 2_000): Promise<{ stop(): Promise<OtherProcess[]> }> {
  const series = [await sampleProcesses()];
  let pending: Promise<void> | null = null;
  const timer = setInterval(() => {
    pending ??= sampleProcesses().then((samples) => {
      series.push(samples);
      pending = null;
    });
  }, everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await pending;
      series.push(await sampleProcesses());
      return otherProcessesCpu(series, ownPid);
    },
  };
}
