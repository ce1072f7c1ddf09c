// Validates configuration, applies migrations and (unless SEED_DEMO=false) loads the demo data.
import { ConfigError, getConfig } from "@/lib/config";
import { prepareDatabase } from "@/lib/server/db/prepare-database";
import { MigrationError } from "@/lib/server/db/migrate";
import { DatabaseUnreachableError } from "@/lib/server/db/sql-executor";
import { runCli } from "./cli";

await runCli(async () => {
  const config = getConfig();
  await prepareDatabase();
  if (config.SEED_DEMO === "true") {
    const { describeSeed, seedDemo } = await import("@/lib/server/demo/seed-demo");
    const { getDb } = await import("@/lib/server/db/prisma");
    console.log(describeSeed(await seedDemo({ db: await getDb() })));
  }
}, [ConfigError, MigrationError, DatabaseUnreachableError]);
