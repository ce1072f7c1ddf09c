// Every way of starting a production server gives Node the same flags
// (docs/decisions/024): the scripts import them; package.json, the Dockerfile
// and docs/deploy.md spell them out, and must not drift.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SERVER_NODE_FLAGS } from "@/scripts/server-node-flags.mjs";

const root = path.resolve(import.meta.dirname, "..", "..");
const read = (file: string) => fs.readFileSync(path.join(root, file), "utf8");
const flags = SERVER_NODE_FLAGS.join(" ");

describe("the production server's Node flags", () => {
  it("are in `npm run serve`", () => {
    const { scripts } = JSON.parse(read("package.json")) as { scripts: Record<string, string> };
    expect(scripts["serve"]).toBe(`node ${flags} .next/standalone/portal-server.mjs`);
  });

  it("are in the image's default command", () => {
    const cmd = /^CMD (\[.*\])$/m.exec(read("Dockerfile"));
    expect(cmd && JSON.parse(cmd[1]!)).toEqual(["node", ...SERVER_NODE_FLAGS, "portal-server.mjs"]);
  });

  it("are in every command of docs/deploy.md that starts a server", () => {
    const commands = read("docs/deploy.md").match(/`node [^`]*portal-server\.mjs`/g) ?? [];
    const starting = commands.filter((command) => !command.includes(" migrate"));
    expect(starting.length).toBeGreaterThan(0);
    for (const command of starting) expect(command).toContain(`node ${flags} `);
  });

  it("are flags this Node accepts", () => {
    // Node stops at a flag it does not know ("bad option"), and a server would not start.
    const result = spawnSync(process.execPath, [...SERVER_NODE_FLAGS, "-e", "process.stdout.write('ok')"], { encoding: "utf8" });
    expect({ status: result.status, stdout: result.stdout, stderr: result.stderr }).toEqual({ status: 0, stdout: "ok", stderr: "" });
  });
});
