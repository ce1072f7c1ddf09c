// Generates prisma/data/holidays.json (the official holidays of the Jalali years
// below) and, from that JSON, the data migration that loads them.
//
//   npx tsx scripts/generate-holidays.ts
//
// Solar holidays have fixed Jalali dates. Lunar (Hijri) holidays move by about
// eleven days a year; their dates are computed with the Umm al-Qura calendar
// (ICU's "islamic-umalqura"). Iran's official calendar fixes them by moon
// sighting and can be a day off; administrators correct those in the holidays
// page. See docs/decisions/004-working-day-calendar.md.
//
// A migration must not change once it has been applied somewhere (the runner
// warns about edited migrations). For later years: add them to YEARS, create a
// new empty migration (`npm run db:new-migration -- --name seed-official-holidays-1406`),
// point MIGRATION_SUFFIX at it, and run this script; rows already loaded are
// skipped by ON CONFLICT.

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { jalaaliMonthLength, toGregorian, toJalaali } from "jalaali-js";

export const HOLIDAY_YEARS = [1404, 1405] as const;
export const HOLIDAYS_JSON_PATH = "prisma/data/holidays.json";
const MIGRATION_SUFFIX = "_seed_official_holidays";
export const TITLE_SEPARATOR = "؛ ";
export const DEFAULT_WEEKEND_DAYS = [4, 5];

export type HolidayEntry = { jalali: string; title: string };

/** [month, day, title] in the Jalali calendar. */
const SOLAR_HOLIDAYS: readonly [number, number, string][] = [
  [1, 1, "عید نوروز"],
  [1, 2, "عید نوروز"],
  [1, 3, "عید نوروز"],
  [1, 4, "عید نوروز"],
  [1, 12, "روز جمهوری اسلامی"],
  [1, 13, "روز طبیعت"],
  [3, 14, "رحلت امام خمینی"],
  // Stored with ASCII digits, like all text; the page shows Persian ones.
  [3, 15, "قیام 15 خرداد"],
  [11, 22, "پیروزی انقلاب اسلامی"],
  [12, 29, "ملی شدن صنعت نفت"],
];

/** [month, day, title] in the Hijri calendar; day "last" is the last day of the month. */
const LUNAR_HOLIDAYS: readonly [number, number | "last", string][] = [
  [1, 9, "تاسوعای حسینی"],
  [1, 10, "عاشورای حسینی"],
  [2, 20, "اربعین حسینی"],
  [2, 28, "رحلت حضرت رسول اکرم و شهادت امام حسن مجتبی"],
  [2, "last", "شهادت امام رضا"],
  [3, 8, "شهادت امام حسن عسکری"],
  [3, 17, "میلاد حضرت رسول اکرم و امام جعفر صادق"],
  [6, 3, "شهادت حضرت فاطمه زهرا"],
  [7, 13, "ولادت امام علی"],
  [7, 27, "مبعث حضرت رسول اکرم"],
  [8, 15, "ولادت حضرت قائم"],
  [9, 21, "شهادت امام علی"],
  [10, 1, "عید سعید فطر"],
  [10, 2, "تعطیل به مناسبت عید سعید فطر"],
  [10, 25, "شهادت امام جعفر صادق"],
  [12, 10, "عید سعید قربان"],
  [12, 18, "عید سعید غدیر خم"],
];

const hijriFormat = new Intl.DateTimeFormat("en-u-ca-islamic-umalqura-nu-latn", {
  timeZone: "UTC",
  year: "numeric",
  month: "numeric",
  day: "numeric",
});

function hijriOf(utcMidnight: Date): { month: number; day: number } {
  const parts = Object.fromEntries(hijriFormat.formatToParts(utcMidnight).map((p) => [p.type, p.value]));
  const month = Number(parts.month);
  const day = Number(parts.day);
  if (!Number.isInteger(month) || !Number.isInteger(day)) throw new Error(`generate-holidays: no Hijri date for ${utcMidnight.toISOString()}`);
  return { month, day };
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");
const DAY_MS = 86_400_000;

/** The official holidays of the given Jalali years, one entry per day, in date order. */
export function buildHolidays(years: readonly number[] = HOLIDAY_YEARS): HolidayEntry[] {
  const titles = new Map<string, string[]>();
  const add = (jalali: string, title: string) => {
    const list = titles.get(jalali) ?? [];
    if (!list.includes(title)) list.push(title);
    titles.set(jalali, list);
  };
  for (const jy of years) {
    for (const [jm, jd, title] of SOLAR_HOLIDAYS) add(`${jy}/${pad(jm)}/${pad(jd)}`, title);
    const first = toGregorian(jy, 1, 1);
    const start = Date.UTC(first.gy, first.gm - 1, first.gd);
    const length = 365 + (jalaaliMonthLength(jy, 12) === 30 ? 1 : 0);
    for (let i = 0; i < length; i++) {
      const date = new Date(start + i * DAY_MS);
      const hijri = hijriOf(date);
      const nextMonth = hijriOf(new Date(date.getTime() + DAY_MS)).month;
      const j = toJalaali(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
      for (const [month, day, title] of LUNAR_HOLIDAYS) {
        const matches = day === "last" ? hijri.month === month && nextMonth !== month : hijri.month === month && hijri.day === day;
        if (matches) add(`${j.jy}/${pad(j.jm)}/${pad(j.jd)}`, title);
      }
    }
  }
  return [...titles.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([jalali, list]) => ({ jalali, title: list.join(TITLE_SEPARATOR) }));
}

export function serializeHolidays(entries: readonly HolidayEntry[]): string {
  return `${JSON.stringify(entries, null, 2)}\n`;
}

/** "YYYY-MM-DD" (Gregorian) of a "YYYY/MM/DD" Jalali date. */
export function gregorianOfJalali(jalali: string): string {
  const [jy, jm, jd] = jalali.split("/").map(Number) as [number, number, number];
  const { gy, gm, gd } = toGregorian(jy, jm, jd);
  return `${pad(gy, 4)}-${pad(gm)}-${pad(gd)}`;
}

const sqlString = (s: string) => `'${s.replaceAll("'", "''")}'`;

export function buildMigrationSql(entries: readonly HolidayEntry[]): string {
  const rows = entries.map((e) => `  (gen_random_uuid(), ${sqlString(gregorianOfJalali(e.jalali))}, ${sqlString(e.title)}, now(), now())`);
  return [
    "-- Official holidays and the weekly closing days. Generated by scripts/generate-holidays.ts",
    `-- from ${HOLIDAYS_JSON_PATH}; lunar dates are computed and may be a day off the official`,
    "-- calendar (administrators correct them in the holidays page). Existing rows are kept.",
    `INSERT INTO "Holiday" (id, date, title, "createdAt", "updatedAt") VALUES`,
    `${rows.join(",\n")}`,
    `ON CONFLICT (date) DO NOTHING;`,
    "",
    "-- JS weekday numbers: 4 = Thursday, 5 = Friday.",
    `INSERT INTO "Setting" (key, value, "updatedAt") VALUES ('weekendDays', ${sqlString(JSON.stringify(DEFAULT_WEEKEND_DAYS))}, now())`,
    `ON CONFLICT (key) DO NOTHING;`,
    "",
  ].join("\n");
}

const repoRoot = fileURLToPath(new URL("..", import.meta.url));

/** prisma/migrations/<timestamp>_seed_official_holidays, created beforehand with Prisma. */
export function holidayMigrationPath(): string {
  const dir = path.join(repoRoot, "prisma", "migrations");
  const matches = fs.readdirSync(dir).filter((name) => name.endsWith(MIGRATION_SUFFIX));
  if (matches.length !== 1) {
    throw new Error(
      `generate-holidays: expected one migration folder ending in ${MIGRATION_SUFFIX}, found ${matches.length}. ` +
        "Create it with: npm run db:new-migration -- --name seed-official-holidays",
    );
  }
  return path.join(dir, matches[0]!, "migration.sql");
}

function main(): void {
  const entries = buildHolidays();
  const jsonPath = path.join(repoRoot, HOLIDAYS_JSON_PATH);
  fs.mkdirSync(path.dirname(jsonPath), { recursive: true });
  fs.writeFileSync(jsonPath, serializeHolidays(entries));
  // The migration is written from the file just written, so the two cannot disagree.
  const fromFile = JSON.parse(fs.readFileSync(jsonPath, "utf8")) as HolidayEntry[];
  const migrationPath = holidayMigrationPath();
  fs.writeFileSync(migrationPath, buildMigrationSql(fromFile));
  process.stdout.write(`Wrote ${entries.length} holidays to ${HOLIDAYS_JSON_PATH} and ${path.relative(repoRoot, migrationPath)}\n`);
}

// Imported by its test (to check the committed files are up to date): only write when run directly.
if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main();
}
