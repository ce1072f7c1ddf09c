// `npm run storage:clean-up`: the storage housekeeping as an operator command
// (expired documents sent ahead, files no record refers to, incomplete
// uploads), on the configured database and storage, local or S3. Safe to run
// while the servers are up, and on several machines at once.
import { ConfigError, ProductionConfigError, getConfig } from "@/lib/config";
import { getFileStorage } from "@/lib/adapters/storage/get-file-storage";
import { DatabaseUnreachableError } from "@/lib/server/db/sql-executor";
import { getDb } from "@/lib/server/db/prisma";
import { cleanUpStorage, describeCleanUp } from "@/lib/server/uploads/clean-up-storage";
import { runCli } from "./cli";

await runCli(async () => {
  getConfig();
  console.log(describeCleanUp(await cleanUpStorage({ db: await getDb(), storage: getFileStorage() })));
}, [ConfigError, ProductionConfigError, DatabaseUnreachableError]);
