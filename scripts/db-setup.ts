// Validates configuration, applies migrations, clears documents sent ahead of
// forms that never came (their time is up), deletes files that no record
// refers to (what a crash leaves behind) and, unless SEED_DEMO=false, loads the demo data.
import { ConfigError, getConfig } from "@/lib/config";
import { prepareDatabase } from "@/lib/server/db/prepare-database";
import { MigrationError } from "@/lib/server/db/migrate";
import { DatabaseUnreachableError } from "@/lib/server/db/sql-executor";
import { runCli } from "./cli";

await runCli(async () => {
  const config = getConfig();
  await prepareDatabase();
  {
    const { getDb } = await import("@/lib/server/db/prisma");
    const { getFileStorage } = await import("@/lib/adapters/storage/get-file-storage");
    const { pruneStagedUploads } = await import("@/lib/server/uploads/staged-uploads");
    const pruned = await pruneStagedUploads({ db: await getDb(), storage: getFileStorage(), limit: 10_000 });
    if (pruned > 0) console.log(`Removed ${pruned} expired document(s) sent ahead of a form that was never submitted.`);
    const { removeOrphanFiles } = await import("@/lib/server/uploads/remove-orphan-files");
    const removed = await removeOrphanFiles({ db: await getDb(), storage: getFileStorage() });
    if (removed.orphans + removed.incomplete > 0) {
      console.log(`Removed ${removed.orphans} stored file(s) that no request refers to and ${removed.incomplete} incomplete upload(s) (left by a crash).`);
    }
  }
  if (config.SEED_DEMO === "true") {
    const { describeSeed, seedDemo } = await import("@/lib/server/demo/seed-demo");
    const { getDb } = await import("@/lib/server/db/prisma");
    console.log(describeSeed(await seedDemo({ db: await getDb() })));
  }
}, [ConfigError, MigrationError, DatabaseUnreachableError]);
