// `npm run db:seed`: loads the demo data (idempotent: running it again changes nothing).
import { ConfigError, getConfig } from "@/lib/config";
import { getDb } from "@/lib/server/db/prisma";
import { describeSeed, seedDemo } from "@/lib/server/demo/seed-demo";
import { PREPARE_DATABASE_FAILURES } from "@/lib/server/db/prepare-database";
import { runCli } from "./cli";
import { migrateFollowingCalendar } from "./migrate";

await runCli(async () => {
  if (getConfig().PORTAL_ENV === "production") {
    throw new ConfigError("PORTAL_ENV", "is production: the demo data (accounts with a published password) cannot be loaded there");
  }
  await migrateFollowingCalendar(() => {});
  console.log(describeSeed(await seedDemo({ db: await getDb() })));
}, PREPARE_DATABASE_FAILURES);
