import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";
import { getWorkCalendar, invalidateWorkCalendar } from "@/lib/server/calendar/get-work-calendar";
import { readMigrations, type MigrationFile } from "@/lib/server/db/migrate";
import { migrateNoticingCalendar } from "@/lib/server/db/prepare-database";
import { startMessageDelivery } from "@/lib/server/jobs/job-queue";
import { isWorkingDay, tehranDate } from "@/lib/utils/working-days";
import { createTestDatabase, testEngine, type TestDatabase } from "@/tests/support/test-database";
import { dueAtAfter } from "./deadline-rules";
import { followMigratedCalendar } from "./follow-migrated-calendar";

const migration = (name: string, sql: string): MigrationFile => ({ name, sql, checksum: crypto.createHash("sha256").update(sql).digest("hex") });

// A release's migrations, run as `npm run db:migrate` runs them: the project's, then what each
// release adds. A question filed an hour ago has three working days; the holiday a release ships
// is the next working day, inside that deadline.
describe(`a release that ships another calendar, on ${testEngine()}`, () => {
  let database: TestDatabase;
  let requestId: string;
  const released: MigrationFile[] = readMigrations();
  const db = () => database.prisma();
  const release = (name: string, sql: string) => {
    released.push(migration(name, sql));
    return database.withExecutor((executor) => migrateNoticingCalendar({ executor, migrations: released }));
  };
  const calendarNow = () => {
    invalidateWorkCalendar(db());
    return getWorkCalendar({ db: db(), now: new Date() });
  };
  const read = () =>
    db().request.findUniqueOrThrow({
      where: { id: requestId },
      select: { dueAt: true, events: { orderBy: [{ at: "asc" }, { id: "asc" }], select: { type: true, at: true, previousDueAt: true, newDueAt: true } } },
    });

  beforeAll(async () => {
    database = await createTestDatabase({ migrate: false });
    // A first installation: no calendar before it, so nothing to follow.
    const installed = await database.withExecutor((executor) => migrateNoticingCalendar({ executor, migrations: released }));
    expect(installed.applied).toHaveLength(released.length);
    expect(installed.calendarChanged).toBe(false);
    const filedAt = new Date(Date.now() - 3_600_000);
    const events = [{ type: "SUBMITTED" as const, at: filedAt, actorKind: "CITIZEN" as const }];
    const request = await db().request.create({
      data: {
        trackingCode: "2100000001",
        applicantNationalId: "0012345679",
        kind: "QUESTION",
        domain: "INSURANCE",
        subject: "آزمون تقویم",
        body: "پرسش",
        status: "SUBMITTED",
        createdAt: filedAt,
        dueAt: dueAtAfter({ kind: "QUESTION", domain: "INSURANCE", events, calendar: await calendarNow() }),
        events: { create: events },
      },
      select: { id: true },
    });
    requestId = request.id;
  });
  afterAll(() => database.close());

  it("moves the open requests' due dates when its migration adds a holiday inside their deadline", async () => {
    const calendar = await calendarNow();
    const today = Date.parse(`${tehranDate(new Date())}T00:00:00Z`);
    const nextWorkingDay = [...Array(30).keys()].map((i) => new Date(today + (i + 1) * 86_400_000).toISOString().slice(0, 10)).find((day) => isWorkingDay(day, calendar))!;
    const before = (await read()).dueAt!;

    const migrated = await release("29990101000000_official_holidays_next_year", `INSERT INTO "Holiday" (id, date, title, "updatedAt") VALUES (gen_random_uuid(), '${nextWorkingDay}', 'تعطیل رسمی', now())`);
    expect(migrated.applied).toEqual(["29990101000000_official_holidays_next_year"]);
    expect(migrated.calendarChanged).toBe(true);

    const config = parseConfig({ ...(database.url ? { DATABASE_URL: database.url } : {}), SMS_PROVIDER: "outbox" });
    const line = await followMigratedCalendar({ config, db: db() });
    if (database.url) {
      // PostgreSQL: a job for the workers, as after an administrator's edit; one takes it.
      expect(line).toBe("Due dates: a recompute of the open requests on the new calendar is queued for the job queue's workers.");
      // Outlasting a national recompute (23 minutes when every deadline moves): a job still running at its
      // expiry would be started again beside itself (docs/decisions/032).
      const [job] = await db().$queryRawUnsafe<{ expire_seconds: number }[]>(`SELECT expire_seconds FROM job_queue.job WHERE name = 'due-date-recompute'`);
      expect(job!.expire_seconds).toBeGreaterThanOrEqual(2 * 60 * 60);
      const worker = await startMessageDelivery({ config, db: db(), pollMs: 200 });
      try {
        await expect.poll(async () => (await read()).dueAt!.getTime(), { timeout: 20_000, interval: 250 }).toBeGreaterThan(before.getTime());
      } finally {
        await worker.stop();
      }
    } else {
      expect(line).toBe("Due dates: 1 open request(s) checked, 1 moved.");
    }
    const after = await read();
    expect(after.dueAt!.getTime() - before.getTime()).toBeGreaterThanOrEqual(86_400_000);
    expect(after.dueAt?.getTime()).toBe(dueAtAfter({ kind: "QUESTION", domain: "INSURANCE", events: after.events, calendar: await calendarNow() })?.getTime());
    expect(after.events.at(-1)).toMatchObject({ type: "DUE_DATE_MOVED", previousDueAt: before, newDueAt: after.dueAt });
  });

  it("leaves them alone when the migrations change no date: a title, the provisional mark, another table, or nothing at all", async () => {
    expect((await release("29990102000000_holiday_titles", `UPDATE "Holiday" SET title = title || ' (رسمی)', provisional = NOT provisional`)).calendarChanged).toBe(false);
    expect((await release("29990103000000_another_table", `CREATE TABLE "ReleaseNote" (id integer PRIMARY KEY)`)).calendarChanged).toBe(false);
    const again = await database.withExecutor((executor) => migrateNoticingCalendar({ executor, migrations: released }));
    expect(again).toMatchObject({ applied: [], calendarChanged: false });
  });

  it("follows a change of the weekly closing days, and a holiday withdrawn", async () => {
    const weekend = `INSERT INTO "Setting" (key, value, "updatedAt") VALUES ('weekendDays', '[5]', now()) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`;
    expect((await release("29990104000000_friday_only", weekend)).calendarChanged).toBe(true);
    expect((await release("29990105000000_withdrawn", `DELETE FROM "Holiday" WHERE title = 'تعطیل رسمی (رسمی)'`)).calendarChanged).toBe(true);
  });
});
