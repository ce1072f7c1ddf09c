import "server-only";
import { ConfigError, ProductionConfigError, getConfig } from "@/lib/config";
import { readCalendarFingerprint } from "@/lib/server/calendar/calendar-fingerprint";
import { MigrationError, runMigrations, type MigrationFile, type MigrationResult } from "./migrate";
import { DatabaseUnreachableError, withExecutor, type SqlExecutor } from "./sql-executor";

/**
 * What can stop `prepareDatabase` (a bad setting, a migration that failed, a database out of reach)
 * with a message an operator acts on: the server at start-up and the migrating commands print it
 * as one line and exit, instead of a stack.
 */
export const PREPARE_DATABASE_FAILURES = [ConfigError, ProductionConfigError, MigrationError, DatabaseUnreachableError];

/**
 * What a run of the migrations did; `calendarChanged` when they changed the holidays' dates or
 * the weekly closing days of a database that had them already (a release shipping the next
 * year's official calendar): the open requests' due dates must then follow (docs/decisions/032).
 */
export type PreparedDatabase = MigrationResult & { calendarChanged: boolean };

/** Applies pending migrations on the configured engine; used at start-up and by `npm run db:migrate`. */
export async function prepareDatabase(log: (line: string) => void = console.log): Promise<PreparedDatabase> {
  const config = getConfig();
  const result = await withExecutor(config.database, (executor) => migrateNoticingCalendar({ executor }));
  const where = config.database.engine === "pglite" ? `embedded database in ${config.database.dataDir}` : "PostgreSQL";
  for (const warning of result.warnings) log(`Warning: ${warning}`);
  log(
    result.applied.length > 0
      ? `Applied ${result.applied.length} migration(s) to the ${where}: ${result.applied.join(", ")}`
      : `The ${where} is up to date (${result.alreadyApplied.length} migration(s) applied).`,
  );
  if (result.calendarChanged) log("The migrations changed the holidays or the weekly closing days: the open requests' due dates follow.");
  return result;
}

/**
 * The migrations, noting whether they changed the calendar. A first installation (no calendar
 * before) has no open request to move. Two runs at once: the one that applied the change says so.
 */
export async function migrateNoticingCalendar({ executor, migrations }: { executor: SqlExecutor; migrations?: MigrationFile[] }): Promise<PreparedDatabase> {
  const before = await readCalendarFingerprint(executor);
  const result = await runMigrations({ executor, migrations });
  const calendarChanged = result.applied.length > 0 && before !== null && (await readCalendarFingerprint(executor)) !== before;
  return { ...result, calendarChanged };
}
