import { ConfigError, getConfig } from "@/lib/config";
import { prepareDatabase } from "@/lib/server/db/prepare-database";

/** Validate configuration and apply pending migrations before the first request. */
export async function startServer() {
  try {
    getConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      // One clear line naming the variable, then stop.
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  await prepareDatabase();
}
