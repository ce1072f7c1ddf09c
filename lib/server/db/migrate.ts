import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { SqlExecutor } from "./sql-executor";

/**
 * Applies `prisma/migrations/<name>/migration.sql` in name order, keeping Prisma's
 * own `_prisma_migrations` bookkeeping (same table, same SHA-256 checksums), so the
 * Prisma CLI on a machine that has its native engine agrees with what was applied.
 *
 * Unlike `prisma migrate deploy`, each migration runs inside a transaction: a
 * failure leaves the database exactly as it was. See
 * docs/decisions/001-database-engines-and-migrations.md.
 */

export const DEFAULT_MIGRATIONS_DIR = path.join(/*turbopackIgnore: true*/ process.cwd(), "prisma", "migrations");

// Same number on every instance and every `npm run db:migrate`, so that runs
// started at once take turns. The lock is transaction-scoped
// (pg_advisory_xact_lock): COMMIT or ROLLBACK releases it on the connection that
// took it. A session lock would not survive PgBouncer in transaction mode, which
// may send the lock, the migration and the unlock to three different server
// connections: the unlock then fails and the lock stays held on a pooled
// connection forever.
const ADVISORY_LOCK_ID = 72_707_369;

export class MigrationError extends Error {
  constructor(
    readonly migration: string,
    readonly cause: unknown,
  ) {
    super(`Migration ${migration} failed and was rolled back: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = "MigrationError";
  }
}

export type MigrationFile = { name: string; sql: string; checksum: string };

export function readMigrations(dir = DEFAULT_MIGRATIONS_DIR): MigrationFile[] {
  return fs
    .readdirSync(/*turbopackIgnore: true*/ dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(/*turbopackIgnore: true*/ path.join(dir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(/*turbopackIgnore: true*/ path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: crypto.createHash("sha256").update(sql).digest("hex") };
    });
}

const BOOKKEEPING_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
);`;

export type MigrationResult = { applied: string[]; alreadyApplied: string[]; warnings: string[] };

export async function runMigrations({
  executor,
  migrations = readMigrations(),
}: {
  executor: SqlExecutor;
  migrations?: MigrationFile[];
}): Promise<MigrationResult> {
  await executor.transaction(async (tx) => {
    await lockMigrations(tx);
    // Two first runs at once must not both create the table (a race in CREATE ... IF NOT EXISTS).
    await tx.exec(BOOKKEEPING_TABLE);
  });
  const done = await appliedMigrations(executor);
  const result: MigrationResult = { applied: [], alreadyApplied: [], warnings: [] };
  const known = new Set(migrations.map((m) => m.name));
  for (const name of done.keys()) {
    if (!known.has(name)) result.warnings.push(`Migration ${name} is applied but missing from the migrations folder.`);
  }
  for (const migration of migrations) {
    const appliedChecksum = done.get(migration.name);
    if (appliedChecksum !== undefined) {
      if (appliedChecksum !== migration.checksum) {
        result.warnings.push(`Migration ${migration.name} was modified after it was applied.`);
      }
      result.alreadyApplied.push(migration.name);
      continue;
    }
    let appliedNow: boolean;
    try {
      appliedNow = await executor.transaction(async (tx) => {
        await lockMigrations(tx);
        // Another run may have applied it while this one waited for the lock.
        if ((await appliedMigrations(tx)).has(migration.name)) return false;
        const id = crypto.randomUUID();
        await tx.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), 0)`,
          [id, migration.checksum, migration.name],
        );
        await tx.exec(migration.sql);
        await tx.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [id]);
        return true;
      });
    } catch (error) {
      throw new MigrationError(migration.name, error);
    }
    (appliedNow ? result.applied : result.alreadyApplied).push(migration.name);
  }
  return result;
}

async function lockMigrations(tx: SqlExecutor) {
  await tx.query("SELECT pg_advisory_xact_lock($1)", [ADVISORY_LOCK_ID]);
}

async function appliedMigrations(executor: SqlExecutor): Promise<Map<string, string>> {
  const rows = await executor.query<{ migration_name: string; checksum: string }>(
    `SELECT migration_name, checksum FROM "_prisma_migrations"
     WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  return new Map(rows.map((row) => [row.migration_name, row.checksum]));
}

/** Names of the migrations in the folder that the database has not applied (the readiness check). */
export async function pendingMigrations({ executor, migrations = readMigrations() }: { executor: SqlExecutor; migrations?: MigrationFile[] }): Promise<string[]> {
  const table = await executor.query<{ exists: boolean }>(`SELECT to_regclass('public."_prisma_migrations"') IS NOT NULL AS exists`);
  if (!table[0]?.exists) return migrations.map((m) => m.name);
  const done = await appliedMigrations(executor);
  return migrations.filter((m) => !done.has(m.name)).map((m) => m.name);
}
