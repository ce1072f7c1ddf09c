import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeCursor, decodeNewestFirstCursor, encodeCursor, isIsoInstant, newestFirstPage, olderThan } from "./keyset-cursor";

const valid = (v: Record<string, unknown>) => isIsoInstant(v.c) && typeof v.i === "string";

describe("keyset cursors", () => {
  it("give back the keys they were made from", () => {
    const keys = { c: "2026-11-30T10:00:00.000Z", i: "3fbca1af-b8ef-4abf-9d1d-c094e217a504" };
    expect(decodeCursor(encodeCursor(keys), valid)).toEqual(keys);
  });
  it("refuse what the validator refuses, and anything that is not a cursor", () => {
    expect(decodeCursor(encodeCursor({ c: "yesterday", i: "x" }), valid)).toBeNull();
    expect(decodeCursor(undefined, valid)).toBeNull();
    expect(decodeCursor("not-a-cursor", valid)).toBeNull();
    expect(decodeCursor(Buffer.from("[1,2]").toString("base64url"), valid)).toBeNull();
    expect(decodeCursor(Buffer.from("null").toString("base64url"), valid)).toBeNull();
  });
  it("never throw, whatever is typed into the address", () => {
    fc.assert(fc.property(fc.string(), (raw) => decodeCursor(raw, valid) === null || valid(decodeCursor(raw, valid)!)), { numRuns: 10_000 });
  });
});

describe("newest-first pages over (createdAt, id)", () => {
  const row = (minute: number, id: string) => ({ createdAt: new Date(Date.UTC(2026, 11, 1, 10, minute)), id });
  const ids = ["3fbca1af-b8ef-4abf-9d1d-c094e217a504", "7cf0ae0e-bafe-43b5-ba8d-a63db7ab9cb4", "c0c1d9a4-5b43-4a8e-9f6e-2a3f3a0f4b11"];

  it("cut a page from the rows read, and point the next page at its last row", () => {
    const rows = [row(3, ids[0]!), row(2, ids[1]!), row(1, ids[2]!)];
    const { page, nextCursor } = newestFirstPage(rows, 2);
    expect(page).toEqual(rows.slice(0, 2));
    expect(decodeNewestFirstCursor(nextCursor ?? undefined)).toEqual(rows[1]);
    // The last page has no next one.
    expect(newestFirstPage(rows, 3).nextCursor).toBeNull();
  });

  it("start from the newest for a cursor that is not one, or whose id is not a UUID", () => {
    expect(decodeNewestFirstCursor(undefined)).toBeNull();
    expect(decodeNewestFirstCursor("not-a-cursor")).toBeNull();
    expect(decodeNewestFirstCursor(encodeCursor({ c: "2026-12-01T10:00:00.000Z", i: "1 OR 1=1" }))).toBeNull();
  });

  it("filter the rows after the cursor's: older, or as old with a smaller id", () => {
    const at = new Date("2026-12-01T10:00:00.000Z");
    expect(olderThan({ createdAt: at, id: ids[1]! })).toEqual({ OR: [{ createdAt: { lt: at } }, { createdAt: at, id: { lt: ids[1] } }] });
  });
});
