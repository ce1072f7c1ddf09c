// Validates configuration, applies migrations, clears documents sent ahead of
// forms that never came (their time is up), deletes files that no record
// refers to (what a crash leaves behind) and, unless SEED_DEMO=false, loads the demo data.
import { getConfig } from "@/lib/config";
import { getFileStorage } from "@/lib/adapters/storage/get-file-storage";
import { getDb } from "@/lib/server/db/prisma";
import { cleanUpStorage, describeCleanUp } from "@/lib/server/uploads/clean-up-storage";
import { PREPARE_DATABASE_FAILURES } from "@/lib/server/db/prepare-database";
import { runCli } from "./cli";
import { migrateFollowingCalendar } from "./migrate";

await runCli(async () => {
  const config = getConfig();
  await migrateFollowingCalendar();
  const result = await cleanUpStorage({ db: await getDb(), storage: getFileStorage() });
  if (result.expiredUploads + result.orphans + result.incomplete > 0) console.log(describeCleanUp(result));
  if (config.SEED_DEMO === "true") {
    const { describeSeed, seedDemo } = await import("@/lib/server/demo/seed-demo");
    console.log(describeSeed(await seedDemo({ db: await getDb() })));
  }
}, PREPARE_DATABASE_FAILURES);
