// Validates configuration, applies migrations, clears documents sent ahead of
// forms that never came (their time is up), deletes files that no record
// refers to (what a crash leaves behind) and, unless SEED_DEMO=false, loads the demo data.
import { ConfigError, ProductionConfigError, getConfig } from "@/lib/config";
import { prepareDatabase } from "@/lib/server/db/prepare-database";
import { MigrationError } from "@/lib/server/db/migrate";
import { DatabaseUnreachableError } from "@/lib/server/db/sql-executor";
import { runCli } from "./cli";

await runCli(async () => {
  const config = getConfig();
  const { calendarChanged } = await prepareDatabase();
  {
    const { getDb } = await import("@/lib/server/db/prisma");
    if (calendarChanged) {
      const { followMigratedCalendar } = await import("@/lib/server/requests/follow-migrated-calendar");
      console.log(await followMigratedCalendar({ config, db: await getDb() }));
    }
    const { getFileStorage } = await import("@/lib/adapters/storage/get-file-storage");
    const { cleanUpStorage, describeCleanUp } = await import("@/lib/server/uploads/clean-up-storage");
    const result = await cleanUpStorage({ db: await getDb(), storage: getFileStorage() });
    if (result.expiredUploads + result.orphans + result.incomplete > 0) console.log(describeCleanUp(result));
  }
  if (config.SEED_DEMO === "true") {
    const { describeSeed, seedDemo } = await import("@/lib/server/demo/seed-demo");
    const { getDb } = await import("@/lib/server/db/prisma");
    console.log(describeSeed(await seedDemo({ db: await getDb() })));
  }
}, [ConfigError, ProductionConfigError, MigrationError, DatabaseUnreachableError]);
