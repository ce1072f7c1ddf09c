import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetConfigForTests } from "@/lib/config";
import { createTestDatabase, testEngine, type TestDatabase } from "@/tests/support/test-database";
import { getDb } from "./prisma";

// Each server holds at most DATABASE_POOL_SIZE connections: with three servers
// behind PgBouncer, the sum must stay under what the pooler accepts.
describe.runIf(testEngine() === "postgres")("DATABASE_POOL_SIZE", () => {
  let database: TestDatabase;
  const saved = { url: process.env.DATABASE_URL, size: process.env.DATABASE_POOL_SIZE };
  beforeAll(async () => {
    database = await createTestDatabase();
    process.env.DATABASE_URL = database.url!;
    process.env.DATABASE_POOL_SIZE = "2";
    resetConfigForTests();
    delete (globalThis as { __prisma?: unknown }).__prisma;
  });
  afterAll(async () => {
    await (await getDb()).$disconnect();
    delete (globalThis as { __prisma?: unknown }).__prisma;
    process.env.DATABASE_URL = saved.url;
    process.env.DATABASE_POOL_SIZE = saved.size;
    if (saved.url === undefined) delete process.env.DATABASE_URL;
    if (saved.size === undefined) delete process.env.DATABASE_POOL_SIZE;
    resetConfigForTests();
    await database.close();
  });

  it("caps the process's connections at the setting, however many queries wait", async () => {
    const db = await getDb();
    const databaseName = new URL(database.url!).pathname.slice(1);
    let most = 0;
    let running = true;
    const watching = database.withExecutor(async (executor) => {
      while (running) {
        const rows = await executor.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND query LIKE '%pg_sleep(0.4)%' AND state = 'active' AND pid <> pg_backend_pid()`,
          [databaseName],
        );
        most = Math.max(most, rows[0]!.n);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    });
    const started = Date.now();
    await Promise.all(Array.from({ length: 6 }, () => db.$queryRawUnsafe("SELECT pg_sleep(0.4)::text AS slept")));
    running = false;
    await watching;
    expect(most).toBe(2);
    // Six sleeps of 0.4 s through two connections take three rounds.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_150);
  });
});
