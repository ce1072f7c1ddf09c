import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildHolidays, buildMigrationSql, HOLIDAYS_JSON_PATH, holidayMigrationPath, serializeHolidays } from "./generate-holidays";

const root = path.join(import.meta.dirname, "..");

describe("generate-holidays", () => {
  const holidays = buildHolidays();
  const byDate = new Map(holidays.map((h) => [h.jalali, h.title]));

  it("has every fixed solar holiday of 1404 and 1405", () => {
    for (const jy of [1404, 1405]) {
      for (const day of ["01/01", "01/02", "01/03", "01/04", "01/12", "01/13", "03/14", "03/15", "11/22", "12/29"]) {
        expect(byDate.has(`${jy}/${day}`), `${jy}/${day}`).toBe(true);
      }
    }
    expect(byDate.get("1404/01/02")).toBe("عید نوروز");
  });

  it("has each lunar holiday at least once a year, and one row per day with titles joined", () => {
    for (const title of ["تاسوعای حسینی", "عاشورای حسینی", "اربعین حسینی", "شهادت امام رضا", "عید سعید فطر", "عید سعید قربان", "عید سعید غدیر خم"]) {
      for (const jy of [1404, 1405]) {
        expect(holidays.some((h) => h.jalali.startsWith(`${jy}/`) && h.title.split("؛ ").includes(title)), `${title} ${jy}`).toBe(true);
      }
    }
    expect(new Set(holidays.map((h) => h.jalali)).size).toBe(holidays.length);
    // Eid al-Fitr 1447 falls on 29 Esfand 1404 in the Umm al-Qura calendar.
    expect(byDate.get("1404/12/29")).toBe("ملی شدن صنعت نفت؛ عید سعید فطر");
  });

  it("matches the committed JSON and migration (regenerate rather than edit by hand)", () => {
    expect(fs.readFileSync(path.join(root, HOLIDAYS_JSON_PATH), "utf8")).toBe(serializeHolidays(holidays));
    expect(fs.readFileSync(holidayMigrationPath(), "utf8")).toBe(buildMigrationSql(holidays));
  });
});
