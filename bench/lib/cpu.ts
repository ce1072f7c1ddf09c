import fs from "node:fs";

// Linux reports CPU time in clock ticks of USER_HZ, which is 100 on every
// architecture Node runs on (sysconf(_SC_CLK_TCK)).
const MS_PER_TICK = 10;

export type ProcessSample = { pid: number; ppid: number; comm: string; startTicks: number; cpuMs: number };

/** One process's line of /proc/<pid>/stat: its parent, name, start time (ticks after boot) and user plus system CPU time so far, in ms. */
export function parseProcStat(stat: string): ProcessSample {
  // The command name (field 2) is in parentheses and may itself hold spaces or ")".
  const open = stat.indexOf("(");
  const close = stat.lastIndexOf(")");
  // After the name: state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime priority nice threads itrealvalue starttime
  const fields = stat.slice(close + 2).split(" ");
  const sample = {
    pid: Number(stat.slice(0, open).trim()),
    ppid: Number(fields[1]),
    comm: stat.slice(open + 1, close),
    startTicks: Number(fields[19]),
    cpuMs: (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK,
  };
  if (open < 0 || close < open || ![sample.pid, sample.ppid, sample.startTicks, sample.cpuMs].every(Number.isFinite)) throw new Error("not a /proc/<pid>/stat line");
  return sample;
}

/** User plus system CPU time, in ms, from the text of /proc/<pid>/stat. */
export const cpuMsFromProcStat = (stat: string): number => parseProcStat(stat).cpuMs;

/** `parse` of /proc/<pid>/<file>; null where there is no /proc (not Linux) or the process is gone. */
function readProc<T>(pid: number | undefined, file: "stat" | "status", parse: (text: string) => T): T | null {
  if (pid === undefined) return null;
  try {
    return parse(fs.readFileSync(`/proc/${pid}/${file}`, "utf8"));
  } catch {
    return null;
  }
}

/** CPU time a process has used so far, in ms; null where there is no /proc (not Linux) or the process is gone. */
export const processCpuMs = (pid: number | undefined): number | null => readProc(pid, "stat", cpuMsFromProcStat);

/** Resident memory in MB from the text of /proc/<pid>/status (its VmRSS line, in kB). */
export function residentMbFromProcStatus(status: string): number {
  const match = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
  if (!match) throw new Error("no VmRSS line in this /proc/<pid>/status text");
  return Number(match[1]) / 1024;
}

/** A process's resident memory now, in MB; null where there is no /proc (not Linux) or the process is gone. */
export const processResidentMb = (pid: number | undefined): number | null => readProc(pid, "status", residentMbFromProcStatus);

/**
 * Waits until the process uses less than `busyShare` of a core over `windowMs`,
 * at most `maxMs`; returns the ms waited. A closed-loop run ends with its
 * connections' last requests still queued in the server (50 of them: half a
 * second of a list page's work, which nobody waits for), and a run started then
 * would count that backlog as its own latency.
 */
export async function waitUntilIdle(pid: number | undefined, { windowMs = 250, busyShare = 0.1, maxMs = 15_000 } = {}): Promise<number> {
  const started = performance.now();
  let before = processCpuMs(pid);
  if (before === null) return 0;
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, windowMs));
    const now = processCpuMs(pid);
    const waited = performance.now() - started;
    if (now === null || now - before < busyShare * windowMs || waited >= maxMs) return waited;
    before = now;
  }
}
