// The integration project's global setup: on the embedded engine, one PGlite is
// created and migrated once per run, and its data directory is written to a
// temporary file. Each test file's database then starts from that copy
// (tests/support/test-database.ts) instead of running initdb and every
// migration again: about a second instead of three, over a hundred databases.
// The copy is made from the migrations in the tree at the start of the run, so
// it is never stale; the migration tests still migrate their own databases.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { TestProject } from "vitest/node";
import { runMigrations } from "@/lib/server/db/migrate";
import { pgliteExecutor } from "@/lib/server/db/sql-executor";

declare module "vitest" {
  export interface ProvidedContext {
    /** A migrated PGlite data directory (PGlite's `dumpDataDir`), or "" on PostgreSQL. */
    pgliteSnapshot: string;
  }
}

export async function setup(project: TestProject): Promise<() => void> {
  if (process.env.TEST_DB_ENGINE === "postgres") {
    project.provide("pgliteSnapshot", "");
    return () => {};
  }
  const db = new PGlite();
  await db.waitReady;
  await runMigrations({ executor: pgliteExecutor(db) });
  const dump = await db.dumpDataDir("none");
  await db.close();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-pglite-"));
  const file = path.join(dir, "migrated.tar");
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("pgliteSnapshot", file);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
