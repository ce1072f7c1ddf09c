import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { cpuMsFromProcStat, parseProcStat, processCpuMs, processResidentMb, residentMbFromProcStatus, waitUntilIdle } from "./cpu";

// A real line's shape: pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime priority nice threads itrealvalue starttime ...
const statLine = (pid: number, comm: string, ppid: number, utime: number, stime: number, start: number) =>
  `${pid} (${comm}) S ${ppid} ${pid} ${pid} 0 -1 4194304 1000 0 0 0 ${utime} ${stime} 0 0 20 0 11 0 ${start} 1000000 20000 18446744073709551615`;
const line = (comm: string, utime: number, stime: number) => statLine(4242, comm, 1, utime, stime, 5000);

describe("cpuMsFromProcStat", () => {
  it("adds user and system time, in ms (ticks of 10 ms)", () => {
    expect(cpuMsFromProcStat(line("next-server", 1234, 56))).toBe(12_900);
  });

  it("reads past a command name holding spaces and parentheses", () => {
    expect(cpuMsFromProcStat(line("next-server (v16) x", 7, 3))).toBe(100);
  });

  it("refuses text that is not a stat line", () => {
    expect(() => cpuMsFromProcStat("hello")).toThrow();
  });
});

describe("parseProcStat", () => {
  it("reads the pid, parent, name, start time and CPU time (ticks of 10 ms)", () => {
    expect(parseProcStat(statLine(4242, "node", 17, 120, 30, 99_000))).toEqual({ pid: 4242, ppid: 17, comm: "node", startTicks: 99_000, cpuMs: 1_500 });
  });
  it("reads past a name holding spaces and parentheses", () => {
    expect(parseProcStat(statLine(7, "Web Content (x) y", 1, 1, 1, 5))).toMatchObject({ pid: 7, ppid: 1, comm: "Web Content (x) y", cpuMs: 20 });
  });
  it("refuses text that is not a stat line", () => {
    expect(() => parseProcStat("hello")).toThrow();
  });
});

describe("residentMbFromProcStatus", () => {
  it("reads the VmRSS line, in MB", () => {
    const status = ["Name:\tnode", "VmPeak:\t 1200000 kB", "VmHWM:\t  600000 kB", "VmRSS:\t  512000 kB", "RssAnon:\t  400000 kB"].join("\n");
    expect(residentMbFromProcStatus(status)).toBe(500);
  });

  it("refuses text without a VmRSS line (a kernel thread has none)", () => {
    expect(() => residentMbFromProcStatus("Name:\tkthreadd\nState:\tS (sleeping)")).toThrow();
  });
});

describe("processResidentMb", () => {
  it("reads this process's resident memory on Linux, and null for a process that does not exist", () => {
    const mine = processResidentMb(process.pid);
    if (process.platform === "linux") expect(mine).toBeCloseTo(process.memoryUsage().rss / 1024 / 1024, -1);
    expect(processResidentMb(2 ** 30)).toBeNull();
    expect(processResidentMb(undefined)).toBeNull();
  });
});

describe("processCpuMs", () => {
  it("reads this process's CPU time on Linux, and null for a process that does not exist", () => {
    const mine = processCpuMs(process.pid);
    if (process.platform === "linux") expect(mine).toBeGreaterThan(0);
    expect(processCpuMs(2 ** 30)).toBeNull();
    expect(processCpuMs(undefined)).toBeNull();
  });
});

describe.runIf(process.platform === "linux")("waitUntilIdle", () => {
  it("waits while a process is busy and returns once it is idle", async () => {
    // Busy for a second (as a server finishing the requests a load left behind), then idle.
    const child = spawn(process.execPath, ["-e", "const end = Date.now() + 1000; while (Date.now() < end); setTimeout(() => {}, 30000);"]);
    try {
      await new Promise((resolve) => child.once("spawn", resolve));
      const waited = await waitUntilIdle(child.pid);
      expect(waited).toBeGreaterThanOrEqual(750);
      expect(waited).toBeLessThan(10_000);
      // Now idle: one window and done.
      expect(await waitUntilIdle(child.pid)).toBeLessThan(1000);
    } finally {
      child.kill();
    }
  });

  it("gives up after maxMs on a process that stays busy, and returns at once without a process", async () => {
    const child = spawn(process.execPath, ["-e", "for (;;);"]);
    try {
      await new Promise((resolve) => child.once("spawn", resolve));
      const waited = await waitUntilIdle(child.pid, { maxMs: 600 });
      expect(waited).toBeGreaterThanOrEqual(600);
      expect(waited).toBeLessThan(2000);
    } finally {
      child.kill();
    }
    expect(await waitUntilIdle(undefined)).toBe(0);
  });
});
