import { describe, expect, it } from "vitest";
import { calibratedSlowdown } from "./lighthouse";

describe("calibratedSlowdown", () => {
  it("slows a fast desktop down about as much as Lighthouse's default", () => {
    expect(calibratedSlowdown(1056)).toBe(4);
  });
  it("slows a slow server down less, so it still behaves like the same low-tier phone", () => {
    expect(calibratedSlowdown(528)).toBe(2);
  });
  it("never speeds a machine up", () => {
    expect(calibratedSlowdown(100)).toBe(1);
  });
});
