import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@/lib/server/demo/seed-demo";
import { createQuestionRequest } from "@/tests/support/review-factories";
import { createTestDatabase, testEngine, type TestDatabase } from "@/tests/support/test-database";
import { listMyRequests } from "./list-my-requests";

describe(`«درخواست‌های من», page by page, on ${testEngine()}`, () => {
  let database: TestDatabase;
  let citizenId: string;
  const NOW = new Date("2026-11-30T08:00:00Z");

  beforeAll(async () => {
    database = await createTestDatabase();
    const db = database.prisma();
    await seedDemo({ db });
    citizenId = (await db.citizenAccount.findUniqueOrThrow({ where: { nationalId: "7404642231" } })).id;
    // 45 questions, several filed in the same millisecond (ties broken by id), one answered.
    for (let i = 0; i < 45; i++) {
      await createQuestionRequest(db, { citizenNationalId: "7404642231", now: new Date(NOW.getTime() - Math.floor(i / 3) * 60_000) });
    }
    const one = await db.request.findFirstOrThrow({ where: { citizenId, kind: "QUESTION" } });
    await db.request.update({ where: { id: one.id }, data: { status: "ANSWERED" } });
  });
  afterAll(async () => {
    await database.close();
  });

  it("walks every request once, newest first, twenty at a time", async () => {
    const db = database.prisma();
    const total = await db.request.count({ where: { citizenId } });
    const seen: { id: string; createdAt: Date }[] = [];
    const sizes: number[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await listMyRequests({ db, citizenId, after, now: NOW });
      sizes.push(page.rows.length);
      seen.push(...page.rows);
      if (!page.nextCursor) break;
      after = page.nextCursor;
    }
    expect(total).toBeGreaterThanOrEqual(45);
    expect(sizes.slice(0, -1).every((n) => n === 20)).toBe(true);
    expect(seen).toHaveLength(total);
    expect(new Set(seen.map((r) => r.id)).size).toBe(total);
    const times = seen.map((r) => r.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("keeps the filter on later pages, and a hand-edited cursor starts from the newest", async () => {
    const db = database.prisma();
    const answered = await listMyRequests({ db, citizenId, status: "ANSWERED", now: NOW });
    expect(answered.rows.map((r) => r.status)).toEqual(["ANSWERED"]);
    expect(answered.nextCursor).toBeNull();
    const first = await listMyRequests({ db, citizenId, now: NOW });
    const garbage = await listMyRequests({ db, citizenId, after: "bm90LWEtY3Vyc29y", now: NOW });
    expect(garbage.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
  });
});
