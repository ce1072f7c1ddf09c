import "server-only";
import type { FileStorage } from "@/lib/adapters/storage/file-storage";
import { pendingMigrations, readMigrations, type MigrationFile } from "@/lib/server/db/migrate";
import type { Db } from "@/lib/server/db/prisma";
import type { SqlExecutor } from "@/lib/server/db/sql-executor";

export type Readiness = {
  ready: boolean;
  checks: { database: "ok" | "unreachable"; migrations: "ok" | "pending" | "unknown"; storage: "ok" | "unreachable" };
  pendingMigrations: number;
};

let shipped: MigrationFile[] | undefined;

/**
 * Whether this server can serve requests: the database answers and has every
 * migration this build ships, and the document store can be reached. A load
 * balancer sends traffic only to ready servers; a new release's servers become
 * ready once `npm run db:migrate` has run.
 */
export async function checkReadiness({
  db,
  storage,
  migrations,
  timeoutMs = 2_000,
}: {
  db: Db;
  storage: FileStorage;
  migrations?: MigrationFile[];
  timeoutMs?: number;
}): Promise<Readiness> {
  const expected = migrations ?? (shipped ??= readMigrations());
  const executor = {
    query: async <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) => db.$queryRawUnsafe<T[]>(sql, ...params),
  } as SqlExecutor;
  const [pending, storageOk] = await Promise.all([
    // A database that cannot answer is the finding itself: null reports it as not ready.
    withTimeout(pendingMigrations({ executor, migrations: expected }), timeoutMs).catch(() => null),
    withTimeout(storage.check(), timeoutMs).then(
      () => true,
      () => false,
    ),
  ]);
  const checks: Readiness["checks"] = {
    database: pending === null ? "unreachable" : "ok",
    migrations: pending === null ? "unknown" : pending.length > 0 ? "pending" : "ok",
    storage: storageOk ? "ok" : "unreachable",
  };
  return { ready: checks.database === "ok" && checks.migrations === "ok" && checks.storage === "ok", checks, pendingMigrations: pending?.length ?? 0 };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
