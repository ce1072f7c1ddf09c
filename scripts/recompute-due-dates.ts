// `npm run db:recompute-due-dates`: gives every open request the due date the
// calendar in the database gives now, recording each move in its history. An
// administrator's holiday or weekend edit does this by itself; an operator runs
// it after a release whose migrations change the shipped holidays. Idempotent.
import { ConfigError, ProductionConfigError, getConfig } from "@/lib/config";
import { DatabaseUnreachableError } from "@/lib/server/db/sql-executor";
import { getDb } from "@/lib/server/db/prisma";
import { describeRecompute, recomputeDueDates } from "@/lib/server/requests/recompute-due-dates";
import { runCli } from "./cli";

await runCli(async () => {
  getConfig();
  console.log(describeRecompute(await recomputeDueDates({ db: await getDb() })));
}, [ConfigError, ProductionConfigError, DatabaseUnreachableError]);
