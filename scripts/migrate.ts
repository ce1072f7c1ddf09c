// What `db:migrate`, `db:setup` and `db:seed` each do first: the pending migrations,
// then, when they changed the holidays or the weekly closing days, the open requests'
// due dates (queued for the job queue's workers on PostgreSQL, at once on the embedded
// database; docs/decisions/032).
import { getConfig } from "@/lib/config";
import { prepareDatabase } from "@/lib/server/db/prepare-database";
import { getDb } from "@/lib/server/db/prisma";
import { followMigratedCalendar } from "@/lib/server/requests/follow-migrated-calendar";

export async function migrateFollowingCalendar(log?: (line: string) => void): Promise<void> {
  const { calendarChanged } = await prepareDatabase(log);
  if (calendarChanged) console.log(await followMigratedCalendar({ config: getConfig(), db: await getDb() }));
}
