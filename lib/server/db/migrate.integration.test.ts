import crypto from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { createTestDatabase, testEngine, type TestDatabase } from "@/tests/support/test-database";
import { MigrationError, readMigrations, runMigrations, type MigrationFile } from "./migrate";

const migration = (name: string, sql: string): MigrationFile => ({
  name,
  sql,
  checksum: crypto.createHash("sha256").update(sql).digest("hex"),
});

const tableExists = (db: TestDatabase, table: string) =>
  db.withExecutor(async (executor) => {
    const rows = await executor.query<{ exists: boolean }>(
      "SELECT to_regclass($1) IS NOT NULL AS exists",
      [`public."${table}"`],
    );
    return rows[0]!.exists;
  });

describe(`migrations on ${testEngine()}`, () => {
  let db: TestDatabase | undefined;
  afterEach(async () => {
    await db?.close();
    db = undefined;
  });

  it("applies the project's migrations once; the second run is a no-op", async () => {
    db = await createTestDatabase({ migrate: false });
    const migrations = readMigrations();
    expect(migrations.length).toBeGreaterThan(0);

    const first = await db.withExecutor((executor) => runMigrations({ executor }));
    expect(first.applied).toEqual(migrations.map((m) => m.name));
    expect(await tableExists(db, "Branch")).toBe(true);
    expect(await tableExists(db, "SmsMessage")).toBe(true);

    const second = await db.withExecutor((executor) => runMigrations({ executor }));
    expect(second).toEqual({ applied: [], alreadyApplied: migrations.map((m) => m.name), warnings: [] });

    // Prisma's bookkeeping: one finished row per migration with the file's SHA-256.
    const rows = await db.withExecutor((executor) =>
      executor.query<{ migration_name: string; checksum: string; applied_steps_count: number; finished_at: Date | null }>(
        `SELECT migration_name, checksum, applied_steps_count, finished_at FROM "_prisma_migrations" ORDER BY migration_name`,
      ),
    );
    expect(rows.map((r) => [r.migration_name, r.checksum, r.applied_steps_count])).toEqual(
      migrations.map((m) => [m.name, m.checksum, 1]),
    );
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
  });

  it("rolls a failed migration back completely and names it", async () => {
    db = await createTestDatabase({ migrate: false });
    const good = migration("20260101000000_good", `CREATE TABLE "Good" (id int PRIMARY KEY);`);
    const bad = migration(
      "20260102000000_bad",
      `CREATE TABLE "HalfDone" (id int PRIMARY KEY);\nINSERT INTO "Good" VALUES (1);\nALTER TABLE "Missing" ADD COLUMN x int;`,
    );
    const later = migration("20260103000000_later", `CREATE TABLE "Later" (id int PRIMARY KEY);`);

    const failure = await db
      .withExecutor((executor) => runMigrations({ executor, migrations: [good, bad, later] }))
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(MigrationError);
    expect((failure as MigrationError).migration).toBe("20260102000000_bad");
    expect((failure as Error).message).toMatch(/^Migration 20260102000000_bad failed and was rolled back: .*Missing/);

    expect(await tableExists(db, "Good")).toBe(true);
    expect(await tableExists(db, "HalfDone")).toBe(false);
    expect(await tableExists(db, "Later")).toBe(false);
    const state = await db.withExecutor(async (executor) => ({
      goodRows: await executor.query(`SELECT * FROM "Good"`),
      bookkeeping: await executor.query<{ migration_name: string }>(`SELECT migration_name FROM "_prisma_migrations"`),
    }));
    expect(state.goodRows).toEqual([]);
    expect(state.bookkeeping.map((r) => r.migration_name)).toEqual(["20260101000000_good"]);

    // Once fixed, the run resumes from the failed migration.
    const fixed = migration("20260102000000_bad", `CREATE TABLE "HalfDone" (id int PRIMARY KEY);`);
    const retry = await db.withExecutor((executor) => runMigrations({ executor, migrations: [good, fixed, later] }));
    expect(retry.applied).toEqual(["20260102000000_bad", "20260103000000_later"]);
  });

  it("warns when an applied migration was edited or removed", async () => {
    db = await createTestDatabase({ migrate: false });
    const original = migration("20260101000000_a", `CREATE TABLE "A" (id int);`);
    await db.withExecutor((executor) => runMigrations({ executor, migrations: [original] }));
    const edited = migration("20260101000000_a", `CREATE TABLE "A" (id bigint);`);
    const result = await db.withExecutor((executor) => runMigrations({ executor, migrations: [edited] }));
    expect(result.warnings).toEqual(["Migration 20260101000000_a was modified after it was applied."]);
    const removed = await db.withExecutor((executor) => runMigrations({ executor, migrations: [] }));
    expect(removed.warnings).toEqual(["Migration 20260101000000_a is applied but missing from the migrations folder."]);
  });
});
