import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";
import type { RequestEventType, RequestStatus } from "@/lib/generated/prisma/enums";
import { getWorkCalendar, invalidateWorkCalendar } from "@/lib/server/calendar/get-work-calendar";
import { addHoliday, deleteHoliday, getWeekendDays, setWeekendDays } from "@/lib/server/calendar/manage-holidays";
import { startMessageDelivery } from "@/lib/server/jobs/job-queue";
import { formatJalaliDate, gregorianToJalali } from "@/lib/utils/jalali";
import { isWorkingDay, tehranDate } from "@/lib/utils/working-days";
import { createTestDatabase, testEngine, type TestDatabase } from "@/tests/support/test-database";
import { dueAtAfter } from "./deadline-rules";
import { recomputeDueDates } from "./recompute-due-dates";

// The administrator's edits run against today's calendar (the holidays are loaded a year back and
// two years ahead of now), so the requests here are filed an hour ago and the holiday added is the
// next working day: both deadlines of 3 working days run over it.
describe(`due dates follow the calendar on ${testEngine()}`, () => {
  let database: TestDatabase;
  const filedAt = new Date(Date.now() - 3_600_000);
  let serial = 0;
  const ids: Record<"submitted" | "inReview" | "returned" | "answered", string> = { submitted: "", inReview: "", returned: "", answered: "" };

  const db = () => database.prisma();
  const calendarNow = async () => {
    invalidateWorkCalendar(db());
    return getWorkCalendar({ db: db(), now: new Date() });
  };

  async function file(status: RequestStatus, later: RequestEventType[]): Promise<string> {
    serial++;
    const events = [{ type: "SUBMITTED" as const, at: filedAt }, ...later.map((type, i) => ({ type, at: new Date(filedAt.getTime() + (i + 1) * 60_000) }))];
    const dueAt = dueAtAfter({ kind: "QUESTION", domain: "INSURANCE", events, calendar: await calendarNow() });
    const request = await db().request.create({
      data: {
        trackingCode: String(2_000_000_000 + serial),
        applicantNationalId: "0012345679",
        kind: "QUESTION",
        domain: "INSURANCE",
        subject: "آزمون مهلت",
        body: "پرسش",
        status,
        createdAt: filedAt,
        dueAt,
        events: { create: events.map((e) => ({ ...e, actorKind: e.type === "SUBMITTED" ? ("CITIZEN" as const) : ("STAFF" as const) })) },
      },
      select: { id: true },
    });
    return request.id;
  }

  const read = (id: string) =>
    db().request.findUniqueOrThrow({
      where: { id },
      select: {
        status: true,
        dueAt: true,
        events: { orderBy: [{ at: "asc" }, { id: "asc" }], select: { type: true, at: true, actorKind: true, previousDueAt: true, newDueAt: true } },
      },
    });

  /** The next working day after today in Tehran, as the admin page takes it (Jalali). */
  async function nextWorkingDay(): Promise<string> {
    const calendar = await calendarNow();
    const today = Date.parse(`${tehranDate(new Date())}T00:00:00Z`);
    for (let i = 1; i <= 30; i++) {
      const day = new Date(today + i * 86_400_000);
      if (isWorkingDay(day.toISOString().slice(0, 10), calendar)) return formatJalaliDate(gregorianToJalali(day, "UTC"));
    }
    throw new Error("no working day in 30 days");
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    ids.submitted = await file("SUBMITTED", []);
    ids.inReview = await file("IN_REVIEW", ["ASSIGNED"]);
    ids.returned = await file("RETURNED", ["ASSIGNED", "RETURNED"]);
    ids.answered = await file("ANSWERED", ["ASSIGNED", "ANSWERED"]);
  });
  afterAll(() => database.close());

  it("moves the open requests a working day later when a holiday is added inside their deadline, and says so in their history", async () => {
    const before = { submitted: await read(ids.submitted), inReview: await read(ids.inReview) };
    const holiday = await addHoliday({ db: db(), jalaliDate: await nextWorkingDay(), title: "تعطیل اعلام‌شده" });
    const calendar = await calendarNow();
    for (const key of ["submitted", "inReview"] as const) {
      const after = await read(ids[key]);
      const expected = dueAtAfter({ kind: "QUESTION", domain: "INSURANCE", events: after.events, calendar });
      expect(after.dueAt?.getTime(), key).toBe(expected?.getTime());
      expect(after.dueAt!.getTime() - before[key].dueAt!.getTime(), key).toBeGreaterThanOrEqual(86_400_000);
      expect(after.status, key).toBe(key === "submitted" ? "SUBMITTED" : "IN_REVIEW");
      expect(after.events.at(-1)).toMatchObject({ type: "DUE_DATE_MOVED", actorKind: "SYSTEM", previousDueAt: before[key].dueAt, newDueAt: after.dueAt });
    }
    // Waiting on the applicant (no deadline runs) and decided: untouched, nothing in their history.
    for (const key of ["returned", "answered"] as const) {
      const after = await read(ids[key]);
      expect(after.dueAt, key).toBeNull();
      expect(after.events.map((e) => e.type), key).not.toContain("DUE_DATE_MOVED");
    }
    // A second run finds nothing left to move.
    expect(await recomputeDueDates({ db: db() })).toEqual({ checked: 2, moved: 0 });

    // The holiday was a mistake: deleting it moves them back, with a second entry.
    await deleteHoliday({ db: db(), id: holiday.id });
    for (const key of ["submitted", "inReview"] as const) {
      const after = await read(ids[key]);
      expect(after.dueAt?.getTime(), key).toBe(before[key].dueAt?.getTime());
      const moves = after.events.filter((e) => e.type === "DUE_DATE_MOVED");
      expect(moves).toHaveLength(2);
      expect(moves[1]).toMatchObject({ previousDueAt: moves[0]!.newDueAt, newDueAt: before[key].dueAt });
    }
  });

  it("moves them when the weekend changes, and back when it is restored", async () => {
    const weekend = await getWeekendDays({ db: db() });
    const before = (await read(ids.submitted)).dueAt!;
    // Every day but Friday closed: the three working days take three weeks.
    await setWeekendDays({ db: db(), days: [0, 1, 2, 3, 4, 6] });
    const moved = (await read(ids.submitted)).dueAt!;
    expect(moved.getTime() - before.getTime()).toBeGreaterThan(7 * 86_400_000);
    await setWeekendDays({ db: db(), days: weekend });
    expect((await read(ids.submitted)).dueAt?.getTime()).toBe(before.getTime());
    expect((await read(ids.answered)).dueAt).toBeNull();
  });

  it("is a job of the queue where one runs (PostgreSQL), done by whichever server takes it", async () => {
    const running = await startMessageDelivery({
      config: parseConfig({ ...(database.url ? { DATABASE_URL: database.url } : {}), SMS_PROVIDER: "outbox" }),
      db: db(),
      pollMs: 200,
    });
    try {
      const before = (await read(ids.submitted)).dueAt!;
      const holiday = await addHoliday({ db: db(), jalaliDate: await nextWorkingDay(), title: "تعطیل اعلام‌شده" });
      await expect.poll(async () => (await read(ids.submitted)).dueAt!.getTime(), { timeout: 20_000, interval: 250 }).toBeGreaterThan(before.getTime());
      if (database.url) {
        const jobs = await db().$queryRawUnsafe<{ state: string }[]>(`SELECT state::text FROM job_queue.job WHERE name = 'due-date-recompute'`);
        expect(jobs.length).toBeGreaterThan(0);
      }
      await deleteHoliday({ db: db(), id: holiday.id });
      await expect.poll(async () => (await read(ids.submitted)).dueAt!.getTime(), { timeout: 20_000, interval: 250 }).toBe(before.getTime());
    } finally {
      await running.stop();
    }
  });
});
