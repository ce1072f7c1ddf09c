import { describe, expect, it } from "vitest";
import { lockoutFromHits } from "./check-lockout";

const policy = { max: 3, windowMs: 10 * 60_000, lockMs: 20 * 60_000 };
const t0 = new Date("2026-11-26T08:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);
const MIN = 60_000;

describe("lockoutFromHits", () => {
  it("is open with fewer than max hits", () => {
    expect(lockoutFromHits({ hitsNewestFirst: [], policy, now: t0 })).toEqual({ locked: false });
    expect(lockoutFromHits({ hitsNewestFirst: [at(1), at(0)], policy, now: at(2) })).toEqual({ locked: false });
  });

  it("locks for lockMs from the hit that reaches max within the window", () => {
    const hits = [at(9 * MIN), at(5 * MIN), at(0)];
    const until = at(29 * MIN);
    expect(lockoutFromHits({ hitsNewestFirst: hits, policy, now: at(9 * MIN) })).toEqual({ locked: true, until });
    // lockMs is longer than the window: the lock still runs to `until`.
    expect(lockoutFromHits({ hitsNewestFirst: hits, policy, now: at(29 * MIN - 1) })).toEqual({ locked: true, until });
    expect(lockoutFromHits({ hitsNewestFirst: hits, policy, now: until })).toEqual({ locked: false });
  });

  it("needs max hits strictly within windowMs of each other", () => {
    const justInside = [at(10 * MIN - 1), at(5 * MIN), at(0)];
    const justOutside = [at(10 * MIN), at(5 * MIN), at(0)];
    expect(lockoutFromHits({ hitsNewestFirst: justInside, policy, now: at(10 * MIN) }).locked).toBe(true);
    expect(lockoutFromHits({ hitsNewestFirst: justOutside, policy, now: at(10 * MIN) }).locked).toBe(false);
  });

  it("looks only at the newest max hits", () => {
    // Many old hits do not matter once the newest max are spread out.
    const hits = [at(30 * MIN), at(15 * MIN), at(2), at(1), at(0)];
    expect(lockoutFromHits({ hitsNewestFirst: hits, policy, now: at(31 * MIN) })).toEqual({ locked: false });
  });
});
