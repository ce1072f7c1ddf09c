import { describe, expect, it } from "vitest";
import { retryDelayMs } from "./deliver-sms";

describe("retryDelayMs", () => {
  it("waits the first delay after one failure and doubles it after each further one", () => {
    expect([1, 2, 3, 4, 8].map((attempts) => retryDelayMs(attempts, 30) / 1000)).toEqual([30, 60, 120, 240, 3840]);
  });

  it("never waits more than a day", () => {
    expect(retryDelayMs(20, 3600)).toBe(24 * 60 * 60 * 1000);
  });
});
