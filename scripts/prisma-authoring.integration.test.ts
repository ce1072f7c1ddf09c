import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngine } from "@/tests/support/test-database";

// The Prisma CLI with the repository's prisma.config.ts, as `npm ci` and a developer run it.
// It always uses the embedded database, whichever engine the run is for: tested once.
const root = path.resolve(import.meta.dirname, "..");

describe.skipIf(testEngine() === "postgres")("the Prisma CLI with the migration-authoring database", { timeout: 240_000 }, () => {
  let dataDir: string;

  beforeAll(() => {
    // What a Prisma command stopped midway leaves (and every `npm ci` once did, through
    // @prisma/client's postinstall `prisma -v`, now denied in allowScripts): an authoring
    // database on disk that a process opened and never closed (its postmaster.pid still there).
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-prisma-authoring-"));
    const opened = spawnSync(
      process.execPath,
      ["-e", `new (require("@electric-sql/pglite").PGlite)(process.argv[1]).query("select 1").then(() => process.exit(0))`, path.join(dataDir, "prisma-authoring")],
      { cwd: root, encoding: "utf8", timeout: 90_000 },
    );
    expect(opened.status).toBe(0);
    expect(fs.existsSync(path.join(dataDir, "prisma-authoring", "postmaster.pid"))).toBe(true);
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it("`prisma -v` finishes when that database exists (it once hung every second npm ci)", () => {
    // It prints in about two seconds; before prisma.config.ts opened the database lazily it never exited.
    const result = prisma(["-v"], dataDir);
    expect(result.signal).toBeNull();
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Schema Engine Adapter\s*: pglite-prisma-adapter/);
  });
});

describe.skipIf(testEngine() === "postgres")("npm run db:new-migration", { timeout: 240_000 }, () => {
  let work: string;
  beforeAll(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), "portal-new-migration-"));
    fs.cpSync(path.join(root, "prisma", "migrations"), path.join(work, "migrations"), { recursive: true });
    const model = `\nmodel Probe {\n  id   String @id\n  note String\n}\n`;
    fs.writeFileSync(path.join(work, "schema.prisma"), fs.readFileSync(path.join(root, "prisma", "schema.prisma"), "utf8") + model);
  });
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  const newMigration = () =>
    spawnSync(path.join(root, "node_modules/.bin/tsx"), ["scripts/new-migration.ts", "--name", "Add probe", "--schema", path.join(work, "schema.prisma"), "--migrations", path.join(work, "migrations")], {
      cwd: root,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "test", DATA_DIR: work },
      encoding: "utf8",
      timeout: 150_000,
    });

  // Each run opens the authoring database in `work` and must leave it closed: were it left open
  // (its postmaster.pid still there), the second run would never finish.
  const authoringLeftOpen = () => fs.existsSync(path.join(work, "prisma-authoring", "postmaster.pid"));

  it("writes the SQL that takes the migrations to the changed schema into a new folder, then finds nothing more to write", () => {
    const before = new Set(fs.readdirSync(path.join(work, "migrations")));
    const first = newMigration();
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    const added = fs.readdirSync(path.join(work, "migrations")).filter((folder) => !before.has(folder));
    expect(added).toHaveLength(1);
    expect(added[0]).toMatch(/^\d{14}_add_probe$/);
    expect(added[0]! > [...before].filter((folder) => /^\d{14}_/.test(folder)).sort().at(-1)!).toBe(true);
    expect(fs.readFileSync(path.join(work, "migrations", added[0]!, "migration.sql"), "utf8")).toContain('CREATE TABLE "Probe"');
    expect(first.stdout).toContain(`Wrote`);
    expect(authoringLeftOpen()).toBe(false);

    const second = newMigration();
    expect(second.signal).toBeNull();
    expect(second.status).toBe(0);
    expect(authoringLeftOpen()).toBe(false);
    expect(second.stdout).toContain("Nothing to write");
  });
});

function prisma(args: string[], dataDir: string) {
  return spawnSync(process.execPath, [path.join(root, "node_modules/prisma/build/index.js"), ...args], {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "test", DATA_DIR: dataDir, CHECKPOINT_DISABLE: "1" },
    encoding: "utf8",
    timeout: 90_000,
  });
}
