import "server-only";
import type { SqlExecutor } from "@/lib/server/db/sql-executor";
import { WEEKEND_DAYS_KEY } from "./weekend-days";

/**
 * What every due date depends on, as one string: the date of each holiday and the weekly
 * closing days (a holiday's title or its provisional mark moves no deadline). Null while
 * the tables do not exist yet (a database being created). Read with the migration runner's
 * executor before and after a release's migrations (`migrateNoticingCalendar`).
 */
export async function readCalendarFingerprint(executor: SqlExecutor): Promise<string | null> {
  const [tables] = await executor.query<{ ready: boolean }>(`SELECT to_regclass('"Holiday"') IS NOT NULL AND to_regclass('"Setting"') IS NOT NULL AS ready`);
  if (!tables?.ready) return null;
  const [row] = await executor.query<{ fingerprint: string }>(
    `SELECT md5(coalesce((SELECT string_agg(date::text, ',' ORDER BY date) FROM "Holiday"), '')
             || '|' || coalesce((SELECT value::text FROM "Setting" WHERE key = $1), '')) AS fingerprint`,
    [WEEKEND_DAYS_KEY],
  );
  return row!.fingerprint;
}
