import { describe, expect, it } from "vitest";
import { migrationSlug, nextTimestamp } from "./migration-folder";

describe("migrationSlug", () => {
  it("joins the words of a name with underscores, in lower case, as Prisma names its folders", () => {
    expect(migrationSlug("pension-slip request Kind")).toBe("pension_slip_request_kind");
    expect(migrationSlug("  --drop  queue index-- ")).toBe("drop_queue_index");
  });
  it("leaves nothing of a name without letters or digits", () => {
    expect(migrationSlug(" -- ")).toBe("");
  });
});

describe("nextTimestamp", () => {
  const existing = ["20261204200000_drop_queue_deadline_index", "20261202130000_open_queue_index", "migration_lock.toml"];
  it("is the current UTC time when that is later than every migration", () => {
    expect(nextTimestamp(new Date("2026-12-05T15:04:09.900Z"), existing)).toBe("20261205150409");
  });
  it("follows the latest migration by a second when the clock is behind it, across a day's end", () => {
    expect(nextTimestamp(new Date("2026-12-01T00:00:00Z"), existing)).toBe("20261204200001");
    expect(nextTimestamp(new Date("2026-12-01T00:00:00Z"), ["20261231235959_x"])).toBe("20270101000000");
  });
  it("is the current time when there is no migration yet", () => {
    expect(nextTimestamp(new Date("2026-12-05T15:04:09Z"), ["migration_lock.toml"])).toBe("20261205150409");
  });
});
