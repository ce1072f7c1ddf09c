import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@/lib/server/demo/seed-demo";
import { createTestDatabase, testEngine, type TestDatabase } from "@/tests/support/test-database";
import { listFileViews } from "./list-file-views";

const MOHAMMAD = "0012345679";

describe(`«چه کسانی پرونده من را دیده‌اند» page by page, on ${testEngine()}`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemo({ db: database.prisma() });
  });
  afterAll(() => database.close());

  it("walks every entry once, newest first, across pages, even with entries at the same instant", async () => {
    const db = database.prisma();
    const citizen = await db.citizenAccount.findUniqueOrThrow({ where: { nationalId: MOHAMMAD }, select: { id: true } });
    const staff = await db.staffAccount.findUniqueOrThrow({ where: { personnelCode: "120101" }, select: { id: true } });
    const base = Date.parse("2026-11-01T08:00:00Z");
    // 45 entries; every third pair shares its instant, so the id decides their order.
    await db.auditEntry.createMany({
      data: Array.from({ length: 45 }, (_, i) => ({
        staffId: staff.id,
        action: "VIEW_REQUEST" as const,
        subjectNationalId: MOHAMMAD,
        at: new Date(base + Math.floor(i / 2) * 60_000),
      })),
    });
    // Someone else's file never shows.
    await db.auditEntry.create({ data: { staffId: staff.id, action: "VIEW_REQUEST", subjectNationalId: "7198108121", at: new Date(base) } });

    const seen: { id: string; at: Date }[] = [];
    let after: string | undefined;
    const sizes: number[] = [];
    do {
      const page = await listFileViews({ db, citizenId: citizen.id, after, pageSize: 20 });
      sizes.push(page.views.length);
      seen.push(...page.views);
      after = page.nextCursor ?? undefined;
    } while (after);
    expect(sizes).toEqual([20, 20, 5]);
    expect(new Set(seen.map((v) => v.id)).size).toBe(45);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.at.getTime()).toBeLessThanOrEqual(seen[i - 1]!.at.getTime());
    // A cursor edited by hand starts again from the newest.
    expect((await listFileViews({ db, citizenId: citizen.id, after: "not-a-cursor", pageSize: 20 })).views[0]!.id).toBe(seen[0]!.id);
  });
});
