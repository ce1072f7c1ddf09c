import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isAppError } from "@/lib/errors";
import { computeDueAt } from "@/lib/utils/working-days";
import { createTestDatabase, testEngine, type TestDatabase } from "@/tests/support/test-database";
import holidaysJson from "@/prisma/data/holidays.json";
import { gregorianOfJalali } from "@/scripts/generate-holidays";
import { getWorkCalendar, invalidateWorkCalendar } from "./get-work-calendar";
import {
  addHoliday,
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

  it("has the official holidays and the Thursday–Friday weekend from the migration", async () => {
    const db = database.prisma();
    const year1404 = await listHolidays({ db, jalaliYear: 1404 });
    expect(year1404[0]).toMatchObject({ date: "2025-03-21", jalaliDate: "1404/01/01" });
    expect(year1404[0]!.title).toContain("عید نوروز");
    expect(year1404.map((h) => h.jalaliDate)).toEqual(expect.arrayContaining(["1404/01/12", "1404/01/13", "1404/03/14", "1404/11/22", "1404/12/29"]));
    const year1405 = await listHolidays({ db, jalaliYear: 1405 });
    expect([...year1404, ...year1405]).toHaveLength(holidaysJson.length);
    // Every day of the JSON, at its Gregorian date, with its title.
    expect([...year1404, ...year1405].map((h) => [h.date, h.jalaliDate, h.title])).toEqual(
      holidaysJson.map((h) => [gregorianOfJalali(h.jalali), h.jalali, h.title]),
    );
    expect(year1405.every((h) => h.jalaliDate.startsWith("1405/"))).toBe(true);
    expect(await getWeekendDays({ db })).toEqual([4, 5]);
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

  it("only loads holidays near the given day", async () => {
    const db = database.prisma();
    invalidateWorkCalendar(db);
    const calendar = await getWorkCalendar({ db, now: new Date("2030-01-01T00:00:00Z") });
    expect(calendar.holidays.has("2026-03-21")).toBe(false);
    invalidateWorkCalendar(db);
  });
});
