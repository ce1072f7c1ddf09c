import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testEngine, type TestDatabase } from "@/tests/support/test-database";
import { checkLockout } from "./check-lockout";
import { clearHits } from "./clear-hits";
import { countHits } from "./count-hits";
import { rateLimitKey } from "./hash-key";
import { OTP_SEND_MOBILE, SIGN_IN_ACCOUNT } from "./policies";
import { pruneHits } from "./prune-hits";
import { recordHit } from "./record-hit";
import { withdrawHit } from "./withdraw-hit";

const t0 = new Date("2026-11-26T08:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

describe(`rate-limit hits on ${testEngine()}`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it("stores only the hash of the subject", async () => {
    const db = database.prisma();
    const key = rateLimitKey("mobile", "09121234567");
    await recordHit({ db, bucket: OTP_SEND_MOBILE.bucket, key, now: t0 });
    const rows = await db.rateLimitHit.findMany({ where: { key }, select: { bucket: true, key: true, at: true } });
    expect(rows).toEqual([{ bucket: "otp-send:mobile", key, at: t0 }]);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
  });

  it("counts and locks per bucket and key", async () => {
    const db = database.prisma();
    const key = rateLimitKey("subject", "a");
    for (const minute of [0, 1, 2]) await recordHit({ db, bucket: OTP_SEND_MOBILE.bucket, key, now: at(minute) });
    await recordHit({ db, bucket: SIGN_IN_ACCOUNT.bucket, key, now: at(2) });
    await recordHit({ db, bucket: OTP_SEND_MOBILE.bucket, key: rateLimitKey("subject", "b"), now: at(2) });

    expect(await countHits({ db, bucket: OTP_SEND_MOBILE.bucket, key, since: at(1) })).toBe(2);
    expect(await countHits({ db, bucket: OTP_SEND_MOBILE.bucket, key, since: at(0) })).toBe(3);
    expect(await checkLockout({ db, policy: OTP_SEND_MOBILE, key, now: at(3) })).toEqual({ locked: true, until: at(17) });
    expect(await checkLockout({ db, policy: OTP_SEND_MOBILE, key, now: at(17) })).toEqual({ locked: false });
    expect(await checkLockout({ db, policy: SIGN_IN_ACCOUNT, key, now: at(3) })).toEqual({ locked: false });
    expect(await checkLockout({ db, policy: OTP_SEND_MOBILE, key: rateLimitKey("subject", "b"), now: at(3) })).toEqual({
      locked: false,
    });
  });

  it("clears one subject's hits, or takes back a single hit", async () => {
    const db = database.prisma();
    const key = rateLimitKey("subject", "c");
    const other = rateLimitKey("subject", "d");
    const first = await recordHit({ db, bucket: SIGN_IN_ACCOUNT.bucket, key, now: t0 });
    await recordHit({ db, bucket: SIGN_IN_ACCOUNT.bucket, key, now: t0 });
    await recordHit({ db, bucket: SIGN_IN_ACCOUNT.bucket, key: other, now: t0 });

    await withdrawHit({ db, id: first.id });
    expect(await countHits({ db, bucket: SIGN_IN_ACCOUNT.bucket, key, since: t0 })).toBe(1);
    await clearHits({ db, bucket: SIGN_IN_ACCOUNT.bucket, key });
    expect(await countHits({ db, bucket: SIGN_IN_ACCOUNT.bucket, key, since: t0 })).toBe(0);
    expect(await countHits({ db, bucket: SIGN_IN_ACCOUNT.bucket, key: other, since: t0 })).toBe(1);
  });

  it("prunes hits counted before the cut-off and keeps the rest", async () => {
    const db = database.prisma();
    const key = rateLimitKey("subject", "e");
    const day = 24 * 60;
    await recordHit({ db, bucket: SIGN_IN_ACCOUNT.bucket, key, now: at(-day - 1) });
    await recordHit({ db, bucket: SIGN_IN_ACCOUNT.bucket, key, now: at(-day + 1) });
    expect(await pruneHits({ db, olderThan: at(-day) })).toBeGreaterThanOrEqual(1);
    expect(await countHits({ db, bucket: SIGN_IN_ACCOUNT.bucket, key, since: at(-2 * day) })).toBe(1);
  });
});
