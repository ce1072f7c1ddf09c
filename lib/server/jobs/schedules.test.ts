import { describe, expect, it } from "vitest";
import { SCHEDULE_TIME_ZONE } from "./schedules";

// The schedules keep Iran's clock as a fixed offset (docs/decisions/023): right only while
// Iran keeps one offset all year. These tests are the alarm if the time-zone database
// (updated with Node) ever says otherwise, e.g. if daylight saving came back.

/** "UTC+3:30" → "GMT+03:30", the form Intl gives for a zone's offset. */
function asIntlOffset(zone: string): string {
  const match = /^UTC([+-])(\d{1,2}):(\d{2})$/.exec(zone);
  if (!match) throw new Error(`not a fixed offset: ${zone}`);
  return `GMT${match[1]}${match[2]!.padStart(2, "0")}:${match[3]}`;
}

const tehranOffset = new Intl.DateTimeFormat("en-US", { timeZone: "Asia/Tehran", timeZoneName: "longOffset" });
const offsetOn = (date: Date) => tehranOffset.formatToParts(date).find((part) => part.type === "timeZoneName")!.value;

describe("the schedules' clock", () => {
  it("is a fixed offset", () => {
    expect(asIntlOffset(SCHEDULE_TIME_ZONE)).toBe("GMT+03:30");
  });

  it("is Iran's offset on every day from a year ago to three years ahead, at night and by day", () => {
    const start = Date.now() - 365 * 86_400_000;
    const differing: string[] = [];
    for (let day = 0; day < 4 * 365; day++) {
      for (const hour of [0, 12]) {
        const at = new Date(start + day * 86_400_000 + hour * 3_600_000);
        if (offsetOn(at) !== asIntlOffset(SCHEDULE_TIME_ZONE)) differing.push(`${at.toISOString()}: ${offsetOn(at)}`);
      }
    }
    expect(differing).toEqual([]);
  });

  it("would notice a zone that changes its offset during the year", () => {
    // The same check on Iran's own history: until 2022 Tehran moved to +04:30 in summer.
    expect(offsetOn(new Date("2021-07-01T12:00:00Z"))).toBe("GMT+04:30");
    expect(offsetOn(new Date("2021-12-01T12:00:00Z"))).toBe("GMT+03:30");
  });
});
