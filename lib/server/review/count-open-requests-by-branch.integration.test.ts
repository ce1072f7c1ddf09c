import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@/lib/server/demo/seed-demo";
import { createEnrolmentRequest } from "@/tests/support/review-factories";
import { createTestDatabase, testEngine, type TestDatabase } from "@/tests/support/test-database";
import { countOpenRequestsByBranch } from "./count-open-requests-by-branch";

describe(`open and overdue requests per branch (metrics), on ${testEngine()}`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    await seedDemo({ db: database.prisma() });
  });
  afterAll(async () => {
    await database.close();
  });

  it("counts requests waiting for the branch, and those past their deadline", async () => {
    const db = database.prisma();
    expect(await countOpenRequestsByBranch({ db })).toEqual([]);
    await createEnrolmentRequest(db, { citizenNationalId: "0012345679" });
    await createEnrolmentRequest(db, { citizenNationalId: "0012345679" });
    const [branch] = await countOpenRequestsByBranch({ db });
    expect(branch).toEqual({ branch: "1201", open: 2, overdue: 0 });
    // A month later both are past their deadline of a few working days.
    const later = new Date(Date.now() + 30 * 86_400_000);
    expect(await countOpenRequestsByBranch({ db, now: later })).toEqual([{ branch: "1201", open: 2, overdue: 2 }]);
  });
});
