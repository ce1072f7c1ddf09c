// One fresh database per test file, on the engine chosen by the test runner:
// TEST_DB_ENGINE=pglite (in-memory embedded PostgreSQL, the default) or
// TEST_DB_ENGINE=postgres (a new database on the server at TEST_DATABASE_URL).
import crypto from "node:crypto";
import fs from "node:fs";
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import { inject } from "vitest";
import { runMigrations, type MigrationFile } from "@/lib/server/db/migrate";
import { prismaForPglite, prismaForPostgres, type ClientOptions, type Db } from "@/lib/server/db/prisma";
import { pgClientExecutor, pgliteExecutor, type SqlExecutor } from "@/lib/server/db/sql-executor";

export type TestDatabase = {
  engine: "pglite" | "postgres";
  /** Raw SQL on the same database (for the migration tests). */
  withExecutor<T>(fn: (executor: SqlExecutor) => Promise<T>): Promise<T>;
  /** A Prisma client; created on first use, after migrations. */
  prisma(): Db;
  /** The connection URL (PostgreSQL only) for code that opens its own connection. */
  url?: string;
  close(): Promise<void>;
};

export function testEngine(): "pglite" | "postgres" {
  return process.env.TEST_DB_ENGINE === "postgres" ? "postgres" : "pglite";
}

export async function createTestDatabase({
  migrate = true,
  migrations,
  client = {},
}: {
  migrate?: boolean;
  migrations?: MigrationFile[];
  /** e.g. `onQuery` to see every statement the Prisma client sends (query-count test). */
  client?: ClientOptions;
} = {}): Promise<TestDatabase> {
  // On PGlite, the run's migrated copy (tests/support/pglite-snapshot.ts) when the tree's migrations are wanted.
  const snapshot = testEngine() === "pglite" && migrate && !migrations ? inject("pgliteSnapshot") : "";
  const database = testEngine() === "postgres" ? await createPostgresDatabase(client) : await createPgliteDatabase(client, snapshot);
  if (migrate && !snapshot) await database.withExecutor((executor) => runMigrations({ executor, migrations }));
  return database;
}

async function createPgliteDatabase(client: ClientOptions, snapshot: string): Promise<TestDatabase> {
  const db = new PGlite(snapshot ? { loadDataDir: new Blob([fs.readFileSync(snapshot)]) } : {});
  await db.waitReady;
  let prisma: Db | undefined;
  return {
    engine: "pglite",
    withExecutor: (fn) => fn(pgliteExecutor(db)),
    prisma: () => (prisma ??= prismaForPglite(db, client)),
    async close() {
      await prisma?.$disconnect();
      await db.close();
    },
  };
}

async function createPostgresDatabase(client: ClientOptions): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error("TEST_DB_ENGINE=postgres needs TEST_DATABASE_URL");
  const name = `portal_test_${crypto.randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  let prisma: Db | undefined;
  return {
    engine: "postgres",
    url: databaseUrl,
    async withExecutor(fn) {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        return await fn(pgClientExecutor(client));
      } finally {
        await client.end();
      }
    },
    prisma: () => (prisma ??= prismaForPostgres(databaseUrl, 4, client)),
    async close() {
      await prisma?.$disconnect();
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await dropper.end();
    },
  };
}
