// `npm run db:migrate`: applies pending migrations on the configured database; when they
// change the holidays or the weekly closing days, the open requests' due dates follow
// (queued for the job queue's workers on PostgreSQL, at once on the embedded database).
import { ConfigError, ProductionConfigError, getConfig } from "@/lib/config";
import { prepareDatabase } from "@/lib/server/db/prepare-database";
import { getDb } from "@/lib/server/db/prisma";
import { followMigratedCalendar } from "@/lib/server/requests/follow-migrated-calendar";
import { MigrationError } from "@/lib/server/db/migrate";
import { DatabaseUnreachableError } from "@/lib/server/db/sql-executor";
import { runCli } from "./cli";

await runCli(async () => {
  const config = getConfig();
  const { calendarChanged } = await prepareDatabase();
  if (calendarChanged) console.log(await followMigratedCalendar({ config, db: await getDb() }));
}, [ConfigError, ProductionConfigError, MigrationError, DatabaseUnreachableError]);
