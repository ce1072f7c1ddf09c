import "server-only";
import { getConfig } from "@/lib/config";
import { runMigrations, type MigrationResult } from "./migrate";
import { withExecutor } from "./sql-executor";

/** Applies pending migrations on the configured engine; used at start-up and by `npm run db:migrate`. */
export async function prepareDatabase(log: (line: string) => void = console.log): Promise<MigrationResult> {
  const config = getConfig();
  const result = await withExecutor(config.database, (executor) => runMigrations({ executor }));
  const where = config.database.engine === "pglite" ? `embedded database in ${config.database.dataDir}` : "PostgreSQL";
  for (const warning of result.warnings) log(`Warning: ${warning}`);
  log(
    result.applied.length > 0
      ? `Applied ${result.applied.length} migration(s) to the ${where}: ${result.applied.join(", ")}`
      : `The ${where} is up to date (${result.alreadyApplied.length} migration(s) applied).`,
  );
  return result;
}
