import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, isIsoInstant } from "./keyset-cursor";

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
