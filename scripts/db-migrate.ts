// `npm run db:migrate`: applies pending migrations on the configured database.
import { ConfigError, ProductionConfigError, getConfig } from "@/lib/config";
import { prepareDatabase } from "@/lib/server/db/prepare-database";
import { MigrationError } from "@/lib/server/db/migrate";
import { DatabaseUnreachableError } from "@/lib/server/db/sql-executor";
import { runCli } from "./cli";

await runCli(async () => {
  getConfig();
  await prepareDatabase();
}, [ConfigError, ProductionConfigError, MigrationError, DatabaseUnreachableError]);
