import fs from "node:fs";
import path from "node:path";
import { toGregorian, toJalaali } from "jalaali-js";
import { describe, expect, it } from "vitest";
import {
  buildMigrationSql,
  gregorianOfJalali,
  holidayRows,
  readHolidayFile,
  targetMigrationPath,
  TITLE_SEPARATOR,
  type HolidayYear,
} from "./generate-holidays";

const root = path.join(import.meta.dirname, "..");
const file = readHolidayFile();
const rows = holidayRows(file);
const byDay = new Map(rows.map((r) => [r.jalali, r]));
const titlesOn = (jalali: string) => byDay.get(jalali)?.title.split(TITLE_SEPARATOR) ?? [];

const DAY_MS = 86_400_000;
const dayNumber = (jalali: string) => Date.parse(`${gregorianOfJalali(jalali)}T00:00:00Z`) / DAY_MS;
const jalaliOfDayNumber = (day: number) => {
  const d = new Date(day * DAY_MS);
  const j = toJalaali(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  return `${j.jy}/${String(j.jm).padStart(2, "0")}/${String(j.jd).padStart(2, "0")}`;
};
const nextHijriMonth = (ym: string) => {
  const [y, m] = ym.split("/").map(Number) as [number, number];
  return m === 12 ? `${y + 1}/01` : `${y}/${String(m + 1).padStart(2, "0")}`;
};

/** The Hijri days that are official holidays in Iran, with the titles the file uses. */
const LUNAR_OCCASIONS: readonly [string, string][] = [
  ["01/09", "تاسوعای حسینی"],
  ["01/10", "عاشورای حسینی"],
  ["02/20", "اربعین حسینی"],
  ["02/28", "رحلت حضرت رسول اکرم و شهادت امام حسن مجتبی"],
  ["02/last", "شهادت امام رضا"],
  ["03/08", "شهادت امام حسن عسکری"],
  ["03/17", "میلاد حضرت رسول اکرم و امام جعفر صادق"],
  ["06/03", "شهادت حضرت فاطمه زهرا"],
  ["07/13", "ولادت امام علی"],
  ["07/27", "مبعث حضرت رسول اکرم"],
  ["08/15", "ولادت حضرت قائم"],
  ["09/21", "شهادت امام علی"],
  ["10/01", "عید سعید فطر"],
  ["10/02", "تعطیل به مناسبت عید سعید فطر"],
  ["10/25", "شهادت امام جعفر صادق"],
  ["12/10", "عید سعید قربان"],
  ["12/18", "عید سعید غدیر خم"],
];
const SOLAR_DAYS = ["01/01", "01/02", "01/03", "01/04", "01/12", "01/13", "03/14", "03/15", "11/22", "12/29"];

describe("the official holidays file", () => {
  it("covers 1404, 1405 and 1406, each year with its sources and status", () => {
    expect(file.years.map((y) => y.year)).toEqual([1404, 1405, 1406]);
    for (const year of file.years) {
      expect(year.sources.length, `${year.year}`).toBeGreaterThan(0);
      for (const source of year.sources) expect(source.what.length, `${year.year}`).toBeGreaterThan(20);
      expect(year.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(year.holidays.every((h) => h.date.startsWith(`${year.year}/`))).toBe(true);
    }
    expect(file.years.map((y) => y.status)).toEqual(["official", "official", "solar official, lunar provisional"]);
  });

  it("has every fixed solar holiday of each year, never provisional", () => {
    for (const { year } of file.years) {
      for (const day of SOLAR_DAYS) {
        expect(byDay.get(`${year}/${day}`)?.provisional, `${year}/${day}`).toBe(false);
      }
    }
  });

  it("puts each lunar holiday on the listed first day of its Hijri month, not on a computed one", () => {
    for (const year of file.years) {
      const lunar = year.holidays.filter((h) => h.hijri !== undefined);
      expect(lunar.length, `${year.year}`).toBeGreaterThanOrEqual(17);
      for (const holiday of lunar) {
        const [hy, hm, hd] = holiday.hijri!.split("/");
        const month = `${hy}/${hm}`;
        const start = year.hijriMonthStarts[month];
        expect(start, `first day of ${month} listed for ${holiday.date}`).toBeDefined();
        expect(jalaliOfDayNumber(dayNumber(start!) + Number(hd) - 1), `${holiday.title} ${holiday.hijri}`).toBe(holiday.date);
        const next = year.hijriMonthStarts[nextHijriMonth(month)];
        if (next) expect(dayNumber(holiday.date), `${holiday.hijri} is inside its month`).toBeLessThan(dayNumber(next));
      }
    }
  });

  it("has every lunar occasion whose day falls in the year, with its usual title", () => {
    const isIn = (year: HolidayYear, jalali: string) => jalali.startsWith(`${year.year}/`);
    for (const year of file.years) {
      const months = Object.keys(year.hijriMonthStarts).sort();
      for (const month of months) {
        const start = dayNumber(year.hijriMonthStarts[month]!);
        const next = year.hijriMonthStarts[nextHijriMonth(month)];
        for (const [key, title] of LUNAR_OCCASIONS) {
          const [m, d] = key.split("/") as [string, string];
          if (m !== month.slice(5)) continue;
          if (d === "last" && !next) continue;
          const jalali = jalaliOfDayNumber(d === "last" ? dayNumber(next!) - 1 : start + Number(d) - 1);
          if (!isIn(year, jalali)) continue;
          expect(
            year.holidays.some((h) => h.date === jalali && h.title === title && h.hijri?.startsWith(month)),
            `${title} (${month}/${d}) on ${jalali}`,
          ).toBe(true);
        }
      }
    }
  });

  // The days the acceptance run found a day early (the Umm al-Qura calendar) or mislabelled.
  it("follows Iran's official calendar where the Umm al-Qura calendar differs", () => {
    expect(titlesOn("1404/01/01")).toEqual(["عید نوروز"]);
    expect(titlesOn("1404/01/02")).toContain("شهادت امام علی");
    expect(titlesOn("1404/01/11")).toEqual(["عید سعید فطر"]);
    expect(byDay.has("1404/01/10")).toBe(false);
    expect(titlesOn("1404/04/14")).toEqual(["تاسوعای حسینی"]);
    expect(titlesOn("1404/04/15")).toEqual(["عاشورای حسینی"]);
    expect(byDay.has("1404/04/13")).toBe(false);
    expect(titlesOn("1404/10/27")).toEqual(["مبعث حضرت رسول اکرم"]);
    expect(titlesOn("1404/11/15")).toEqual(["ولادت حضرت قائم"]);
    expect(titlesOn("1404/12/20")).toEqual(["شهادت امام علی"]);
    expect(titlesOn("1404/12/29")).toEqual(["ملی شدن صنعت نفت"]);
    expect(titlesOn("1405/01/01")).toEqual(["عید نوروز", "عید سعید فطر"]);
    expect(titlesOn("1405/01/02")).toEqual(["عید نوروز", "تعطیل به مناسبت عید سعید فطر"]);
    expect(titlesOn("1405/01/25")).toEqual(["شهادت امام جعفر صادق"]);
    expect(titlesOn("1405/03/14")).toEqual(["رحلت امام خمینی", "عید سعید غدیر خم"]);
    expect(titlesOn("1405/12/19")).toEqual(["عید سعید فطر"]);
    expect(titlesOn("1405/12/20")).toEqual(["تعطیل به مناسبت عید سعید فطر"]);
  });

  it("counts the days the sources count: 26 in 1404 (4 on a Friday), 26 in 1405 (6 Thursdays, 3 Fridays)", () => {
    const weekday = (jalali: string) => new Date(`${gregorianOfJalali(jalali)}T00:00:00Z`).getUTCDay();
    for (const [year, days, thursdays, fridays] of [
      [1404, 26, 3, 4],
      [1405, 26, 6, 3],
    ] as const) {
      const inYear = rows.filter((r) => r.jalali.startsWith(`${year}/`));
      expect(inYear, `${year}`).toHaveLength(days);
      expect(inYear.filter((r) => weekday(r.jalali) === 4), `${year} Thursdays`).toHaveLength(thursdays);
      expect(inYear.filter((r) => weekday(r.jalali) === 5), `${year} Fridays`).toHaveLength(fridays);
    }
  });

  it("marks the lunar days of 1406 provisional until the official calendar is out, and no others", () => {
    for (const year of file.years) {
      for (const holiday of year.holidays) {
        const expected = year.year === 1406 && holiday.hijri !== undefined;
        expect(holiday.provisional === true, `${holiday.date} ${holiday.title}`).toBe(expected);
      }
    }
    expect(byDay.get("1406/01/01")).toMatchObject({ provisional: false });
    expect(byDay.get("1406/03/24")).toMatchObject({ title: "تاسوعای حسینی", provisional: true });
  });

  it("withdraws exactly the rows the first release shipped on days that are not holidays", () => {
    const first = fs.readFileSync(path.join(root, "prisma/migrations/20261126164920_seed_official_holidays/migration.sql"), "utf8");
    const shipped = [...first.matchAll(/\(gen_random_uuid\(\), '(\d{4})-(\d{2})-(\d{2})', '([^']*)'/g)].map(([, y, m, d, title]) => {
      const j = toJalaali(Number(y), Number(m), Number(d));
      return { date: `${j.jy}/${String(j.jm).padStart(2, "0")}/${String(j.jd).padStart(2, "0")}`, title: title! };
    });
    expect(shipped.length).toBeGreaterThan(50);
    const withdrawn = file.years.flatMap((y) => y.withdrawn ?? []);
    expect(withdrawn).toEqual(shipped.filter((s) => !byDay.has(s.date)));
    // Sanity of the date arithmetic used above.
    expect(toGregorian(1404, 1, 1)).toEqual({ gy: 2025, gm: 3, gd: 21 });
  });
});

describe("generate-holidays", () => {
  it("lists holidays and does not compute them: no Islamic calendar in the generator", () => {
    const source = fs.readFileSync(path.join(root, "scripts/generate-holidays.ts"), "utf8").replace(/^\s*\/\/.*$/gm, "");
    expect(source).not.toMatch(/islamic|umalqura|hijriOf|Intl\.DateTimeFormat/i);
  });

  it("writes one row per day, official days upserted and provisional ones only added", () => {
    const sql = buildMigrationSql(file);
    expect(sql).toContain(`(gen_random_uuid(), '2025-07-05', 'تاسوعای حسینی', false, now(), now())`);
    expect(sql).toContain(`(gen_random_uuid(), '2027-06-14', 'تاسوعای حسینی', true, now(), now())`);
    expect(sql).toContain(`('2025-07-04'::date, 'تاسوعای حسینی')`);
    expect(sql.match(/ON CONFLICT \(date\) DO NOTHING/g)).toHaveLength(1);
  });

  it("matches the committed migration (regenerate rather than edit by hand)", () => {
    expect(fs.readFileSync(targetMigrationPath(), "utf8")).toBe(buildMigrationSql(file));
  });
});
