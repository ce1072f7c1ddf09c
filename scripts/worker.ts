// `npm run worker`: a process that only delivers queued work (the SMS outbox)
// from the configured PostgreSQL database, for operators who want it apart from
// the web servers (which deliver too; docs/decisions/017). Stops on SIGTERM or
// SIGINT after the message in hand.
import { ConfigError, ProductionConfigError, getConfig } from "@/lib/config";
import { getDb } from "@/lib/server/db/prisma";
import { DatabaseUnreachableError } from "@/lib/server/db/sql-executor";
import { startMessageDelivery } from "@/lib/server/jobs/job-queue";
import { runCli } from "./cli";

await runCli(async () => {
  const config = getConfig();
  if (config.database.engine !== "postgres") {
    throw new ConfigError("DATABASE_URL", "is required: on the embedded database the portal's server delivers the messages itself");
  }
  const delivery = await startMessageDelivery({ config, db: await getDb() });
  console.log("Worker started: delivering the SMS outbox (stop with SIGTERM)");
  await new Promise<void>((resolve) => {
    process.once("SIGTERM", resolve);
    process.once("SIGINT", resolve);
  });
  await delivery.stop();
  await (await getDb()).$disconnect();
  console.log("Worker stopped");
}, [ConfigError, ProductionConfigError, DatabaseUnreachableError]);
