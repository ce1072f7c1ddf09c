import "server-only";
import pg from "pg";
import { getConfig } from "@/lib/config";

/** The benchmark's baseline route is served only when the server was started with BENCH_BASELINE=1. */
export const isBaselineEnabled = () => process.env.BENCH_BASELINE === "1";

const globalForBaseline = globalThis as { __benchBaselinePool?: pg.Pool };

/**
 * One row by primary key with `pg` alone: the floor the benchmark compares the
 * portal's pages against (no Prisma, no session, no domain code).
 */
export async function readBaselineRow(id: string): Promise<{ code: string; name: string } | null> {
  const database = getConfig().database;
  if (database.engine !== "postgres") return null;
  globalForBaseline.__benchBaselinePool ??= new pg.Pool({ connectionString: database.url, max: 10 });
  const result = await globalForBaseline.__benchBaselinePool.query<{ code: string; name: string }>(
    'SELECT code, name FROM "Branch" WHERE id = $1',
    [id],
  );
  return result.rows[0] ?? null;
}
