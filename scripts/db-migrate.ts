// `npm run db:migrate`: applies pending migrations on the configured database; when they
// change the holidays or the weekly closing days, the open requests' due dates follow
// (queued for the job queue's workers on PostgreSQL, at once on the embedded database).
import { PREPARE_DATABASE_FAILURES } from "@/lib/server/db/prepare-database";
import { runCli } from "./cli";
import { migrateFollowingCalendar } from "./migrate";

await runCli(() => migrateFollowingCalendar(), PREPARE_DATABASE_FAILURES);
