import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { parseProcStat, type ProcessSample } from "./cpu";
import { otherProcessesCpu, sampleProcesses, watchOtherProcesses } from "./other-work";

// A real line's shape: pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime priority nice threads itrealvalue starttime ...
const line = (pid: number, comm: string, ppid: number, utime: number, stime: number, start: number) =>
  `${pid} (${comm}) S ${ppid} ${pid} ${pid} 0 -1 4194304 1000 0 0 0 ${utime} ${stime} 0 0 20 0 11 0 ${start} 1000000 20000 18446744073709551615`;

const samples = (...lines: string[]) => new Map<number, ProcessSample>(lines.map((l) => parseProcStat(l)).map((s) => [s.pid, s]));

describe("otherProcessesCpu", () => {
  // pid 1 init; 2 kthreadd with a kworker; 100 a shell running npm (101), which runs the benchmark (102),
  // which started the server (103) and Lighthouse (104) with its browser (105); 200 PostgreSQL with a
  // backend (201); 300 a compiler somebody else runs; 400 an idle editor.
  const before = samples(
    line(1, "init", 0, 50, 50, 1),
    line(2, "kthreadd", 0, 0, 0, 1),
    line(3, "kworker/0:1", 2, 10, 10, 2),
    line(100, "bash", 1, 5, 5, 100),
    line(101, "npm run bench", 100, 40, 10, 110),
    line(102, "node", 101, 100, 20, 120),
    line(103, "portal-server", 102, 0, 0, 130),
    line(200, "postgres", 1, 500, 100, 5),
    line(201, "postgres: bench", 200, 10, 0, 140),
    line(300, "cc1", 1, 1_000, 0, 90),
    line(400, "vim", 1, 3, 0, 50),
  );
  const after = samples(
    line(1, "init", 0, 52, 50, 1),
    line(2, "kthreadd", 0, 0, 0, 1),
    line(3, "kworker/0:1", 2, 900, 900, 2),
    line(100, "bash", 1, 5, 5, 100),
    line(101, "npm run bench", 100, 41, 10, 110),
    line(102, "node", 101, 9_000, 1_000, 120),
    line(103, "portal-server", 102, 40_000, 5_000, 130),
    line(104, "node", 102, 2_000, 100, 150),
    line(105, "chromium", 104, 8_000, 900, 160),
    line(200, "postgres", 1, 600, 200, 5),
    line(201, "postgres: bench", 200, 9_000, 1_000, 140),
    line(300, "cc1", 1, 4_000, 0, 90),
    line(400, "vim", 1, 3, 0, 50),
    line(500, "make", 1, 200, 50, 170),
  );

  it("counts what processes outside the benchmark, PostgreSQL and the kernel used, most first", () => {
    expect(otherProcessesCpu([before, after], 102)).toEqual([
      { pid: 300, comm: "cc1", cpuMs: 30_000 },
      { pid: 500, comm: "make", cpuMs: 2_500 },
      { pid: 1, comm: "init", cpuMs: 20 },
    ]);
  });

  it("counts a reused pid as a new process from zero", () => {
    const reused = samples(line(300, "cc1", 1, 70, 0, 999));
    expect(otherProcessesCpu([before, reused], 102)).toEqual([{ pid: 300, comm: "cc1", cpuMs: 700 }]);
  });

  it("counts a process that ended before the last sample up to its last sample, and one that started after the first from zero", () => {
    const middle = samples(line(300, "cc1", 1, 2_500, 0, 90), line(600, "ld", 1, 300, 0, 180));
    const end = samples(line(1, "init", 0, 50, 50, 1));
    expect(otherProcessesCpu([before, middle, end], 102)).toEqual([
      { pid: 300, comm: "cc1", cpuMs: 15_000 },
      { pid: 600, comm: "ld", cpuMs: 3_000 },
    ]);
  });

  it("finds nothing when only the benchmark worked", () => {
    const quiet = samples(...[...before.values()].map((s) => line(s.pid, s.comm, s.ppid, s.cpuMs / 10, 0, s.startTicks)));
    const busyOwn = new Map(quiet);
    busyOwn.set(103, { ...quiet.get(103)!, cpuMs: 99_000 });
    expect(otherProcessesCpu([quiet, busyOwn], 102)).toEqual([]);
  });
});

describe("sampleProcesses", () => {
  it.runIf(process.platform === "linux")("sees a busy process outside this one's tree, and this process as its own", async () => {
    const before = await sampleProcesses();
    expect(before.get(process.pid)?.ppid).toBe(process.ppid);
    // A child of this process is the benchmark's; the same busy loop measured as someone else's
    // (any other pid as the benchmark) is other work.
    const child = spawn(process.execPath, ["-e", "const end = Date.now() + 300; while (Date.now() < end);"]);
    const pid = child.pid!;
    await new Promise((r) => setTimeout(r, 250));
    const after = await sampleProcesses();
    child.kill();
    expect(after.get(pid)?.ppid).toBe(process.pid);
    expect(otherProcessesCpu([before, after], process.pid).find((p) => p.pid === pid)).toBeUndefined();
    expect(otherProcessesCpu([before, after], 2 ** 30).find((p) => p.pid === pid)?.cpuMs).toBeGreaterThan(0);
  });
});

describe("watchOtherProcesses", () => {
  it.runIf(process.platform === "linux")("sees another busy process that ended before it stopped, through a sample in between", async () => {
    // Started outside this process's tree as far as the watch knows: the watch's own pid is a made-up one.
    const watch = await watchOtherProcesses(2 ** 30, 100);
    const child = spawn(process.execPath, ["-e", "const end = Date.now() + 400; while (Date.now() < end);"]);
    await new Promise((r) => child.on("exit", r));
    await new Promise((r) => setTimeout(r, 150));
    const busy = (await watch.stop()).find((p) => p.pid === child.pid);
    expect(busy?.cpuMs).toBeGreaterThan(100);
  });
});
