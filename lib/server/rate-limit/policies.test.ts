import { describe, expect, it } from "vitest";
import { RATE_LIMIT_LOOK_BACK_HOURS } from "@/lib/env-schema";
import { uploadQuota } from "@/lib/server/uploads/upload-quota";
import { rateLimitKey } from "./hash-key";
import { RATE_LIMIT_POLICIES, SIGN_IN_ACCOUNT, SIGN_IN_IP } from "./policies";

describe("rate-limit policies", () => {
  it("have distinct buckets that fit the column (32 characters)", () => {
    const buckets = RATE_LIMIT_POLICIES.map((policy) => policy.bucket);
    expect(new Set(buckets).size).toBe(buckets.length);
    for (const bucket of buckets) expect(bucket.length).toBeLessThanOrEqual(32);
  });

  it("look back no further than the shortest retention RETENTION_RATE_LIMIT_HITS_HOURS accepts", () => {
    const lookBackMs = RATE_LIMIT_LOOK_BACK_HOURS * 60 * 60_000;
    // checkLockout reads the hits of a window and of the lock that may follow it.
    for (const policy of RATE_LIMIT_POLICIES) expect(policy.windowMs + policy.lockMs, policy.bucket).toBeLessThanOrEqual(lookBackMs);
    expect(uploadQuota().windowMs).toBeLessThanOrEqual(lookBackMs);
    // The setting's floor is the longest look-back itself, not more.
    expect(Math.max(...RATE_LIMIT_POLICIES.map((policy) => policy.windowMs + policy.lockMs))).toBe(lookBackMs);
  });

  it("lock sign-in after 5 failures per account and 30 per network in 15 minutes", () => {
    expect(SIGN_IN_ACCOUNT).toEqual({ bucket: "sign-in:account", max: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 });
    expect(SIGN_IN_IP).toMatchObject({ max: 30, windowMs: 15 * 60_000 });
  });
});

describe("rateLimitKey", () => {
  it("is the SHA-256 hex of the parts, never the parts themselves", () => {
    const key = rateLimitKey("citizen", "0012345679");
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(key).not.toContain("0012345679");
    expect(rateLimitKey("citizen", "0012345679")).toBe(key);
  });

  it("keeps the parts apart", () => {
    expect(rateLimitKey("a", "bc")).not.toBe(rateLimitKey("ab", "c"));
    expect(rateLimitKey("citizen", "0012345679")).not.toBe(rateLimitKey("staff", "0012345679"));
  });
});
