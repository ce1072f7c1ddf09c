import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZQueueFilters } from "@/lib/schemas/review";
import { seedDemo } from "@/lib/server/demo/seed-demo";
import { createQuestionRequest, staffActor } from "@/tests/support/review-factories";
import { createTestDatabase, testEngine, type TestDatabase } from "@/tests/support/test-database";
import { listReviewQueue } from "./list-review-queue";
import type { StaffActor } from "./staff-access";

// Keyset pagination walks the whole queue exactly once, in order, across the
// boundary between requests with a deadline and those without one (returned to
// the applicant), with ties on the deadline and on the creation time.
const BASE = new Date("2030-03-01T08:00:00Z");
const DAY = 86_400_000;

describe(`paging the staff queue on ${testEngine()}`, () => {
  let database: TestDatabase;
  let officer: StaffActor;
  let expected: { due: string[]; newest: string[] };

  beforeAll(async () => {
    database = await createTestDatabase();
    const db = database.prisma();
    await seedDemo({ db });
    officer = await staffActor(db, "120201"); // branch 1202: nothing else in its queue
    const rows: { id: string; dueAt: Date | null; createdAt: Date }[] = [];
    for (let i = 0; i < 23; i++) {
      const createdAt = new Date(BASE.getTime() + (i % 5) * 1000); // ties on createdAt
      const dueAt = i % 4 === 3 ? null : new Date(BASE.getTime() + (i % 3) * DAY); // ties on dueAt, and some without
      const request = await createQuestionRequest(db, { citizenNationalId: "6978758371", now: createdAt, dueAt });
      if (dueAt === null) await db.request.update({ where: { id: request.id }, data: { status: "RETURNED" } });
      rows.push({ id: request.id, dueAt, createdAt });
    }
    const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    expected = {
      due: [...rows]
        .sort((a, b) => (a.dueAt?.getTime() ?? Infinity) - (b.dueAt?.getTime() ?? Infinity) || byId(a.id, b.id))
        .map((r) => r.id),
      newest: [...rows].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || byId(b.id, a.id)).map((r) => r.id),
    };
  });
  afterAll(async () => {
    await database.close();
  });

  for (const sort of ["due", "newest"] as const) {
    it(`by ${sort}: every request once, in order, four at a time`, async () => {
      const db = database.prisma();
      const seen: string[] = [];
      let after: string | undefined;
      for (let pageNo = 0; pageNo < 20; pageNo++) {
        const page = await listReviewQueue({ db, staff: officer, filters: ZQueueFilters.parse({ sort, after }), pageSize: 4, now: BASE });
        seen.push(...page.rows.map((r) => r.id));
        if (!page.nextCursor) break;
        after = page.nextCursor;
      }
      expect(seen).toEqual(expected[sort]);
    });
  }
});
