// `npm run worker`: a process that only does queued work (the SMS and email
// outboxes, due dates after a calendar change, the scheduled jobs) from the
// configured PostgreSQL database, from a checkout. The web servers do it too
// unless WEB_SERVER_JOBS=queue-only, the setting for a cluster, where one or
// two workers do it all (docs/decisions/017, 027); inside the image the worker
// is `node portal-server.mjs worker`, which also answers its health checks and
// metrics. Stops on SIGTERM or SIGINT after the job in hand.
import { ConfigError, ProductionConfigError, getConfig } from "@/lib/config";
import { getDb } from "@/lib/server/db/prisma";
import { DatabaseUnreachableError } from "@/lib/server/db/sql-executor";
import { getFileStorage } from "@/lib/adapters/storage/get-file-storage";
import { startJobQueue } from "@/lib/server/jobs/job-queue";
import { scheduledJobs } from "@/lib/server/jobs/portal-schedule";
import { runCli } from "./cli";

await runCli(async () => {
  const config = getConfig();
  if (config.database.engine !== "postgres") {
    throw new ConfigError("DATABASE_URL", "is required: on the embedded database the portal's server delivers the messages itself");
  }
  const db = await getDb();
  const delivery = await startJobQueue({ config, db, scheduled: scheduledJobs({ settings: config, db, storage: getFileStorage() }) });
  console.log("Worker started: delivering the SMS and email outboxes, running the scheduled jobs (stop with SIGTERM)");
  await new Promise<void>((resolve) => {
    process.once("SIGTERM", resolve);
    process.once("SIGINT", resolve);
  });
  await delivery.stop();
  await (await getDb()).$disconnect();
  console.log("Worker stopped");
}, [ConfigError, ProductionConfigError, DatabaseUnreachableError]);
