import crypto from "node:crypto";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { createTestDatabase, testEngine, type TestDatabase } from "@/tests/support/test-database";
import { MigrationError, pendingMigrations, readMigrations, runMigrations, type MigrationFile } from "./migrate";
import { pgClientExecutor, type SqlExecutor } from "./sql-executor";

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

  it("lists the migrations a database still lacks (the readiness check)", async () => {
    db = await createTestDatabase({ migrate: false });
    const first = migration("20260101000000_a", `CREATE TABLE "A" (id int);`);
    const second = migration("20260102000000_b", `CREATE TABLE "B" (id int);`);
    expect(await db.withExecutor((executor) => pendingMigrations({ executor, migrations: [first, second] }))).toEqual([first.name, second.name]);
    await db.withExecutor((executor) => runMigrations({ executor, migrations: [first] }));
    expect(await db.withExecutor((executor) => pendingMigrations({ executor, migrations: [first, second] }))).toEqual([second.name]);
  });
});

/**
 * An executor like a connection through PgBouncer in transaction mode: each
 * statement outside a transaction may run on another server connection; a
 * transaction keeps one.
 */
function transactionPooled(clients: pg.Client[]): SqlExecutor {
  let next = 0;
  const pick = () => pgClientExecutor(clients[next++ % clients.length]!);
  return {
    query: (sql, params) => pick().query(sql, params),
    exec: (script) => pick().exec(script),
    transaction: (fn) => pick().transaction(fn),
  };
}

describe.runIf(testEngine() === "postgres")("migrations run by several processes, and through a transaction pooler", () => {
  let db: TestDatabase | undefined;
  let clients: pg.Client[] = [];
  const connect = async (count: number) => {
    clients = await Promise.all(
      Array.from({ length: count }, async () => {
        const client = new pg.Client({ connectionString: db!.url });
        await client.connect();
        return client;
      }),
    );
  };
  afterEach(async () => {
    await Promise.all(clients.map((client) => client.end()));
    clients = [];
    await db?.close();
    db = undefined;
  });
  const slow = [
    migration("20260101000000_slow", `SELECT pg_sleep(0.3);\nCREATE TABLE "Slow" (id int PRIMARY KEY);`),
    migration("20260102000000_next", `CREATE TABLE "Next" (id int PRIMARY KEY);`),
  ];

  it("applies each migration exactly once when two runs start at the same moment", async () => {
    db = await createTestDatabase({ migrate: false });
    await connect(2);
    const [first, second] = await Promise.all(clients.map((client) => runMigrations({ executor: pgClientExecutor(client), migrations: slow })));
    expect([...first!.applied, ...second!.applied].sort()).toEqual(slow.map((m) => m.name));
    expect([...first!.alreadyApplied, ...second!.alreadyApplied].sort()).toEqual(slow.map((m) => m.name));
    const rows = await db.withExecutor((executor) => executor.query<{ n: number }>(`SELECT count(*)::int AS n FROM "_prisma_migrations"`));
    expect(rows[0]!.n).toBe(2);
  });

  it("leaves no lock held when consecutive statements land on different server connections", async () => {
    db = await createTestDatabase({ migrate: false });
    // Two processes, each through its own PgBouncer client connection (three server connections each).
    await connect(6);
    const runs = [transactionPooled(clients.slice(0, 3)), transactionPooled(clients.slice(3))];
    const results = await Promise.all(runs.map((executor) => runMigrations({ executor, migrations: slow })));
    expect(results.flatMap((r) => r.applied).sort()).toEqual(slow.map((m) => m.name));
    const locks = await db.withExecutor((executor) =>
      executor.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`),
    );
    expect(locks[0]!.n).toBe(0);
    // And a later run (the next release) is not stuck behind a forgotten lock.
    const later = await runMigrations({ executor: transactionPooled(clients.slice(0, 3)), migrations: [...slow, migration("20260103000000_later", `CREATE TABLE "Later" (id int);`)] });
    expect(later.applied).toEqual(["20260103000000_later"]);
  });
});
