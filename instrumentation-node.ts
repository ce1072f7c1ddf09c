import { ConfigError, getConfig } from "@/lib/config";
import { MigrationError } from "@/lib/server/db/migrate";
import { prepareDatabase } from "@/lib/server/db/prepare-database";
import { DatabaseUnreachableError } from "@/lib/server/db/sql-executor";

/**
 * Validate configuration and apply pending migrations before the first request.
 * A known start-up failure prints one clear line and stops the server.
 */
export async function startServer() {
  try {
    getConfig();
    await prepareDatabase();
  } catch (error) {
    if (error instanceof ConfigError || error instanceof MigrationError || error instanceof DatabaseUnreachableError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
