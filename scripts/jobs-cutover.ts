// `npm run jobs:cutover`: once, after the release that moved the job queue from
// pg-boss 10 to pg-boss 12 (docs/decisions/031), when every server and worker of
// the cluster runs it: gives each text message and email still waiting for a try
// a job in the new queue, then drops pg-boss 10's schema. Run twice, the second
// run finds nothing to do. Inside the image: `node portal-server.mjs jobs-cutover`.
import { ConfigError, ProductionConfigError, getConfig } from "@/lib/config";
import { DatabaseUnreachableError } from "@/lib/server/db/sql-executor";
import { getDb } from "@/lib/server/db/prisma";
import { activeJobQueue, startJobQueue } from "@/lib/server/jobs/job-queue";
import { describeTakeOver, takeOverPgBoss10 } from "@/lib/server/jobs/take-over-pg-boss-10";
import { runCli } from "./cli";

await runCli(async () => {
  const config = getConfig();
  if (config.database.engine !== "postgres") {
    throw new ConfigError("DATABASE_URL", "is required: the embedded database has no job queue to move");
  }
  const db = await getDb();
  // This process only writes jobs: the workers deliver them.
  const running = await startJobQueue({ config, db, jobs: "queue-only" });
  try {
    const result = await takeOverPgBoss10({ db, queue: activeJobQueue()!, maxSmsAttempts: config.SMS_MAX_ATTEMPTS, maxEmailAttempts: config.EMAIL_MAX_ATTEMPTS });
    console.log(describeTakeOver(result));
  } finally {
    await running.stop();
    await db.$disconnect();
  }
}, [ConfigError, ProductionConfigError, DatabaseUnreachableError]);
