// `npm run db:seed`: loads the demo data (idempotent: running it again changes nothing).
import { ConfigError, ProductionConfigError, getConfig } from "@/lib/config";
import { MigrationError } from "@/lib/server/db/migrate";
import { DatabaseUnreachableError } from "@/lib/server/db/sql-executor";
import { prepareDatabase } from "@/lib/server/db/prepare-database";
import { getDb } from "@/lib/server/db/prisma";
import { describeSeed, seedDemo } from "@/lib/server/demo/seed-demo";
import { runCli } from "./cli";

await runCli(async () => {
  if (getConfig().PORTAL_ENV === "production") {
    throw new ConfigError("PORTAL_ENV", "is production: the demo data (accounts with a published password) cannot be loaded there");
  }
  await prepareDatabase(() => {});
  console.log(describeSeed(await seedDemo({ db: await getDb() })));
}, [ConfigError, ProductionConfigError, MigrationError, DatabaseUnreachableError]);
