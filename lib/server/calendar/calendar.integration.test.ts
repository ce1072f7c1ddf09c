import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { isAppError } from "@/lib/errors";
import { computeDueAt } from "@/lib/utils/working-days";
import { createTestDatabase, testEngine, type TestDatabase } from "@/tests/support/test-database";
import { readMigrations } from "@/lib/server/db/migrate";
import { gregorianOfJalali, holidayRows, readHolidayFile, TARGET_MIGRATION } from "@/scripts/generate-holidays";
import { getWorkCalendar, invalidateWorkCalendar } from "./get-work-calendar";
import {
  addHoliday,
  confirmHoliday,
  countProvisionalHolidays,
  deleteHoliday,
  getWeekendDays,
  listHolidays,
  setWeekendDays,
  updateHoliday,
} from "./manage-holidays";

const rejectsWith = async (promise: Promise<unknown>, code: Parameters<typeof isAppError>[1]) => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(isAppError(error, code), `expected AppError(${code}), got ${String(error)}`).toBe(true);
};

describe(`holiday calendar on ${testEngine()}`, () => {
  let database: TestDatabase;
  // Inside the window getWorkCalendar loads (a year back, two years ahead).
  const now = new Date("2026-11-26T08:00:00Z");

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it("has the listed official holidays, provisional where listed so, and the Thursday–Friday weekend", async () => {
    const db = database.prisma();
    const loaded = [];
    for (const jalaliYear of [1404, 1405, 1406]) loaded.push(...(await listHolidays({ db, jalaliYear })));
    // Every day of the JSON, at its Gregorian date, with its titles joined; the wrong days of the first release are gone.
    expect(loaded.map((h) => [h.date, h.jalaliDate, h.title, h.provisional])).toEqual(
      holidayRows(readHolidayFile()).map((r) => [gregorianOfJalali(r.jalali), r.jalali, r.title, r.provisional]),
    );
    expect(loaded.find((h) => h.jalaliDate === "1404/04/13")).toBeUndefined();
    expect(loaded.find((h) => h.jalaliDate === "1404/04/14")).toMatchObject({ title: "تاسوعای حسینی", provisional: false });
    expect(loaded.find((h) => h.jalaliDate === "1406/03/24")).toMatchObject({ title: "تاسوعای حسینی", provisional: true });
    expect(await getWeekendDays({ db })).toEqual([4, 5]);
  });

  it("gives the legal due date the official calendar gives, across Nowruz 1406", async () => {
    const db = database.prisma();
    invalidateWorkCalendar(db);
    const calendar = await getWorkCalendar({ db, now: new Date("2027-03-15T08:00:00Z") });
    // Filed Monday 1405/12/24: Tue 12/25 (1), Wed 12/26 (2), Thu-Fri weekend, 12/29 and 1406/01/01-04 holidays,
    // Thu-Fri weekend again, so the 3rd working day is Saturday 1406/01/07, not Nowruz.
    expect(computeDueAt({ receivedAt: new Date("2027-03-15T08:00:00Z"), workingDays: 3, calendar })?.toISOString()).toBe(
      "2027-03-27T20:29:59.999Z",
    );
    // Filed Saturday 1404/04/07 at 10:00, 7 working days: Sun-Wed 04/08-11, then Tasua and Ashura (Sat-Sun
    // 04/14-15) are skipped, then Mon-Wed 04/16-18. The Umm al-Qura days (Fri-Sat 04/13-14) gave Tuesday 04/17.
    invalidateWorkCalendar(db);
    const summer = await getWorkCalendar({ db, now: new Date("2025-06-28T06:30:00Z") });
    expect(computeDueAt({ receivedAt: new Date("2025-06-28T06:30:00Z"), workingDays: 7, calendar: summer })?.toISOString()).toBe(
      "2025-07-09T20:29:59.999Z",
    );
    invalidateWorkCalendar(db);
  });

  it("lets an administrator confirm a provisional day, or confirm it by moving it", async () => {
    const db = database.prisma();
    const listed = await listHolidays({ db, jalaliYear: 1406 });
    const tasua = listed.find((h) => h.jalaliDate === "1406/03/24")!;
    const ashura = listed.find((h) => h.jalaliDate === "1406/03/25")!;
    const before = await countProvisionalHolidays({ db, now: new Date("2026-12-01T08:00:00Z") });
    expect(before).toEqual([{ jalaliYear: 1406, count: listed.filter((h) => h.provisional).length }]);
    try {
      expect(await confirmHoliday({ db, id: tasua.id })).toMatchObject({ jalaliDate: "1406/03/24", provisional: false });
      const moved = await updateHoliday({ db, id: ashura.id, jalaliDate: "1406/03/26", title: ashura.title });
      expect(moved).toMatchObject({ jalaliDate: "1406/03/26", provisional: false });
      expect(await countProvisionalHolidays({ db, now: new Date("2026-12-01T08:00:00Z") })).toEqual([
        { jalaliYear: 1406, count: before[0]!.count - 2 },
      ]);
      // Past provisional days no longer need anyone's attention.
      expect(await countProvisionalHolidays({ db, now: new Date("2028-03-01T08:00:00Z") })).toEqual([]);
      await rejectsWith(confirmHoliday({ db, id: "00000000-0000-4000-8000-000000000000" }), "NOT_FOUND");
    } finally {
      await db.holiday.update({ where: { id: tasua.id }, data: { provisional: true } });
      await db.holiday.update({ where: { id: ashura.id }, data: { provisional: true, date: new Date("2027-06-15T00:00:00Z") } });
    }
  });

  it("adds, renames, moves and deletes a holiday", async () => {
    const db = database.prisma();
    const added = await addHoliday({ db, jalaliDate: "۱۴۰۵/۰۷/۰۷", title: "  روز آزمایشی  " });
    expect(added).toMatchObject({ date: "2026-09-29", jalaliDate: "1405/07/07", title: "روز آزمایشی" });
    expect((await listHolidays({ db, jalaliYear: 1405 })).find((h) => h.id === added.id)).toEqual(added);

    const renamed = await updateHoliday({ db, id: added.id, jalaliDate: "1405/07/07", title: "روز آزمايشي دوم" });
    // Arabic yeh is stored as the Persian letter.
    expect(renamed).toMatchObject({ id: added.id, date: "2026-09-29", title: "روز آزمایشی دوم" });
    const moved = await updateHoliday({ db, id: added.id, jalaliDate: "1405/07/08", title: renamed.title });
    expect(moved.date).toBe("2026-09-30");

    await deleteHoliday({ db, id: added.id });
    expect((await listHolidays({ db, jalaliYear: 1405 })).some((h) => h.id === added.id)).toBe(false);
    await rejectsWith(deleteHoliday({ db, id: added.id }), "NOT_FOUND");
    await rejectsWith(updateHoliday({ db, id: added.id, jalaliDate: "1405/07/07", title: "x" }), "NOT_FOUND");
    await rejectsWith(deleteHoliday({ db, id: "not-a-uuid" }), "NOT_FOUND");
  });

  it("refuses a second holiday on the same day, and bad input", async () => {
    const db = database.prisma();
    await rejectsWith(addHoliday({ db, jalaliDate: "1404/01/01", title: "تکراری" }), "CONFLICT");
    const other = await addHoliday({ db, jalaliDate: "1405/07/09", title: "روز دیگر" });
    try {
      await rejectsWith(updateHoliday({ db, id: other.id, jalaliDate: "1405/01/01", title: "روز دیگر" }), "CONFLICT");
      await rejectsWith(addHoliday({ db, jalaliDate: "1405/12/30", title: "x" }), "INVALID_INPUT"); // 1405 is not leap
      await rejectsWith(addHoliday({ db, jalaliDate: "1405/07/10", title: "   " }), "INVALID_INPUT");
      await rejectsWith(listHolidays({ db, jalaliYear: 99 }), "INVALID_INPUT");
    } finally {
      await deleteHoliday({ db, id: other.id });
    }
  });

  it("keeps the weekend setting, and refuses an impossible one", async () => {
    const db = database.prisma();
    try {
      expect(await setWeekendDays({ db, days: [5, 6, 5] })).toEqual([5, 6]);
      expect(await getWeekendDays({ db })).toEqual([5, 6]);
      await rejectsWith(setWeekendDays({ db, days: [] }), "INVALID_INPUT");
      await rejectsWith(setWeekendDays({ db, days: [0, 1, 2, 3, 4, 5, 6] }), "INVALID_INPUT");
      await rejectsWith(setWeekendDays({ db, days: [7] }), "INVALID_INPUT");
      expect(await getWeekendDays({ db })).toEqual([5, 6]);
    } finally {
      await setWeekendDays({ db, days: [4, 5] });
    }
  });

  it("serves a cached calendar for a minute, and the new one after an edit", async () => {
    const db = database.prisma();
    invalidateWorkCalendar(db);
    const before = await getWorkCalendar({ db, now });
    expect(before.holidays.has("2026-03-21")).toBe(true); // Nowruz 1405
    expect(before.holidays.has("2026-09-29")).toBe(false);
    expect([...before.weekendDays].sort()).toEqual([4, 5]);

    // Written behind the cache's back: not seen until the minute is over or the cache is dropped.
    await db.holiday.create({ data: { date: new Date("2026-09-29T00:00:00Z"), title: "پشت حافظه" } });
    expect((await getWorkCalendar({ db, now: new Date(now.getTime() + 30_000) })).holidays.has("2026-09-29")).toBe(false);
    expect((await getWorkCalendar({ db, now: new Date(now.getTime() + 61_000) })).holidays.has("2026-09-29")).toBe(true);
    await db.holiday.deleteMany({ where: { date: new Date("2026-09-29T00:00:00Z") } });
    invalidateWorkCalendar(db);
    expect((await getWorkCalendar({ db, now })).holidays.has("2026-09-29")).toBe(false);

    // The use cases drop the cache themselves.
    await getWorkCalendar({ db, now });
    const added = await addHoliday({ db, jalaliDate: "1405/07/07", title: "روز آزمایشی" });
    try {
      await setWeekendDays({ db, days: [5] });
      const after = await getWorkCalendar({ db, now });
      expect(after.holidays.has("2026-09-29")).toBe(true);
      expect([...after.weekendDays]).toEqual([5]);
      // Monday 2026-09-28 + 1 working day: Tuesday 1405/07/07 is now a holiday, so Wednesday.
      expect(
        computeDueAt({ receivedAt: new Date("2026-09-28T06:00:00Z"), workingDays: 1, calendar: after })?.toISOString(),
      ).toBe("2026-09-30T20:29:59.999Z");
    } finally {
      await deleteHoliday({ db, id: added.id });
      await setWeekendDays({ db, days: [4, 5] });
    }
    const restored = await getWorkCalendar({ db, now });
    expect(restored.holidays.has("2026-09-29")).toBe(false);
    expect([...restored.weekendDays].sort()).toEqual([4, 5]);
  });

  it("drops the calendar every copy of the module caches, the scheduled jobs' too", async () => {
    // Next bundles the instrumentation hook (the scheduled jobs, the daily
    // reminders among them) apart from the routes (the admin page that edits
    // holidays): two copies of these modules in one server.
    const db = database.prisma();
    invalidateWorkCalendar(db);
    expect((await getWorkCalendar({ db, now })).holidays.has("2026-09-29")).toBe(false);
    vi.resetModules();
    const adminRoute = await import("./manage-holidays");
    const added = await adminRoute.addHoliday({ db, jalaliDate: "1405/07/07", title: "روز آزمایشی" });
    try {
      expect((await getWorkCalendar({ db, now })).holidays.has("2026-09-29")).toBe(true);
    } finally {
      await adminRoute.deleteHoliday({ db, id: added.id });
    }
    expect((await getWorkCalendar({ db, now })).holidays.has("2026-09-29")).toBe(false);
  });

  it("only loads holidays near the given day", async () => {
    const db = database.prisma();
    invalidateWorkCalendar(db);
    const calendar = await getWorkCalendar({ db, now: new Date("2030-01-01T00:00:00Z") });
    expect(calendar.holidays.has("2026-03-21")).toBe(false);
    invalidateWorkCalendar(db);
  });
});

describe(`the calendar correction on a database that already had the first release's holidays, on ${testEngine()}`, () => {
  let database: TestDatabase;
  const all = readMigrations();
  const correction = all.findIndex((m) => m.name === TARGET_MIGRATION);

  beforeAll(async () => {
    database = await createTestDatabase({ migrations: all.slice(0, correction) });
  });
  afterAll(() => database.close());

  it("deletes the wrong days as shipped, corrects titles, keeps what administrators did", async () => {
    expect(correction).toBeGreaterThan(0);
    const db = database.prisma();
    const date = (jalali: string) => new Date(`${gregorianOfJalali(jalali)}T00:00:00Z`);
    // An administrator had already moved Ashura 1404 to the right day, renamed a wrong day instead of
    // deleting it, added a closure of their own, and added a day of 1406 the list also has.
    await db.holiday.update({ where: { date: date("1404/04/14") }, data: { date: date("1404/04/15") } });
    await db.holiday.update({ where: { date: date("1404/06/09") }, data: { title: "تعطیلی اعلام‌شده استان" } });
    await db.holiday.create({ data: { date: date("1404/05/01"), title: "تعطیلی به دلیل گرمای هوا" } });
    await db.holiday.create({ data: { date: date("1406/03/24"), title: "تاسوعا (تأییدشده)" } });

    await database.withExecutor(async (executor) => {
      for (const migration of all.slice(correction)) await executor.exec(migration.sql);
    });

    const row = (jalali: string) => db.holiday.findUnique({ where: { date: date(jalali) }, select: { title: true, provisional: true } });
    expect(await row("1404/04/13")).toBeNull(); // Tasua as shipped: withdrawn
    expect(await row("1404/04/14")).toEqual({ title: "تاسوعای حسینی", provisional: false });
    expect(await row("1404/04/15")).toEqual({ title: "عاشورای حسینی", provisional: false });
    expect(await row("1404/06/09")).toEqual({ title: "تعطیلی اعلام‌شده استان", provisional: false });
    expect(await row("1404/05/01")).toEqual({ title: "تعطیلی به دلیل گرمای هوا", provisional: false });
    expect(await row("1404/12/29")).toEqual({ title: "ملی شدن صنعت نفت", provisional: false });
    expect(await row("1406/03/24")).toEqual({ title: "تاسوعا (تأییدشده)", provisional: false });
    expect(await row("1406/03/25")).toEqual({ title: "عاشورای حسینی", provisional: true });
  });
});
