// `npm run db:seed`: loads the demo data (idempotent: running it again changes nothing).
import { ConfigError, ProductionConfigError, getConfig } from "@/lib/config";
import { MigrationError } from "@/lib/server/db/migrate";
import { DatabaseUnreachableError } from "@/lib/server/db/sql-executor";
import { prepareDatabase } from "@/lib/server/db/prepare-database";
import { getDb } from "@/lib/server/db/prisma";
import { describeSeed, seedDemo } from "@/lib/server/demo/seed-demo";
import { followMigratedCalendar } from "@/lib/server/requests/follow-migrated-calendar";
import { runCli } from "./cli";

await runCli(async () => {
  const config = getConfig();
  if (config.PORTAL_ENV === "production") {
    throw new ConfigError("PORTAL_ENV", "is production: the demo data (accounts with a published password) cannot be loaded there");
  }
  const { calendarChanged } = await prepareDatabase(() => {});
  if (calendarChanged) console.log(await followMigratedCalendar({ config, db: await getDb() }));
  console.log(describeSeed(await seedDemo({ db: await getDb() })));
}, [ConfigError, ProductionConfigError, MigrationError, DatabaseUnreachableError]);
