import "server-only";
import fs from "node:fs";
import pg from "pg";
import type { PGlite } from "@electric-sql/pglite";

/**
 * The few raw-SQL operations the migration runner and test harness need, over
 * either engine. Application code uses the Prisma client instead.
 */
export interface SqlExecutor {
  query<T extends Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of several statements (a migration file). */
  exec(script: string): Promise<void>;
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
}

type PGliteLike = Pick<PGlite, "query" | "exec" | "transaction">;

export function pgliteExecutor(db: PGliteLike): SqlExecutor {
  const wrap = (target: Pick<PGlite, "query" | "exec">): Omit<SqlExecutor, "transaction"> => ({
    async query<T extends Record<string, unknown>>(sql: string, params: unknown[] = []) {
      return (await target.query<T>(sql, params)).rows;
    },
    async exec(script: string) {
      await target.exec(script);
    },
  });
  return {
    ...wrap(db),
    transaction: (fn) =>
      db.transaction((tx) => fn({ ...wrap(tx), transaction: () => Promise.reject(new Error("nested transaction")) })),
  };
}

export function pgClientExecutor(client: pg.ClientBase): SqlExecutor {
  const self: SqlExecutor = {
    async query<T extends Record<string, unknown>>(sql: string, params: unknown[] = []) {
      return (await client.query<T>(sql, params)).rows;
    },
    async exec(script: string) {
      // Without parameters pg uses the simple query protocol, which accepts scripts.
      await client.query(script);
    },
    async transaction(fn) {
      await client.query("BEGIN");
      try {
        const result = await fn({ ...self, transaction: () => Promise.reject(new Error("nested transaction")) });
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    },
  };
  return self;
}

/** Opens (or reuses) the embedded database in `dataDir`; one instance per folder per process. */
export async function openPglite(dataDir: string): Promise<PGlite> {
  const registry = ((globalThis as { __pgliteInstances?: Map<string, Promise<PGlite>> }).__pgliteInstances ??=
    new Map());
  let instance = registry.get(dataDir);
  if (!instance) {
    instance = (async () => {
      if (!dataDir.startsWith("memory://")) fs.mkdirSync(dataDir, { recursive: true });
      const { PGlite } = await import("@electric-sql/pglite");
      const db = new PGlite(dataDir);
      await db.waitReady;
      return db;
    })();
    registry.set(dataDir, instance);
    instance.catch(() => registry.delete(dataDir));
  }
  return instance;
}

export class DatabaseUnreachableError extends Error {
  constructor(url: string, cause: unknown) {
    const { hostname, port } = new URL(url);
    const reason = cause instanceof Error ? (("code" in cause && cause.code) || cause.message) : String(cause);
    // Never print the URL itself: it may hold a password.
    super(`Cannot reach the database at DATABASE_URL (${hostname}:${port || 5432}): ${String(reason)}`);
    this.name = "DatabaseUnreachableError";
  }
}

/** Runs `fn` with an executor on the configured engine. */
export async function withExecutor<T>(
  database: { engine: "postgres"; url: string } | { engine: "pglite"; dataDir: string },
  fn: (executor: SqlExecutor) => Promise<T>,
): Promise<T> {
  if (database.engine === "pglite") return fn(pgliteExecutor(await openPglite(database.dataDir)));
  const client = new pg.Client({ connectionString: database.url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new DatabaseUnreachableError(database.url, error);
  }
  try {
    return await fn(pgClientExecutor(client));
  } finally {
    await client.end();
  }
}
