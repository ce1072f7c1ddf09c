import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalFileStorage } from "@/lib/adapters/storage/local-file-storage";
import { prismaForPostgres } from "@/lib/server/db/prisma";
import { readMigrations } from "@/lib/server/db/migrate";
import { createTestDatabase, testEngine, type TestDatabase } from "@/tests/support/test-database";
import { checkReadiness } from "./check-readiness";

describe(`readiness, on ${testEngine()}`, () => {
  let database: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-ready-"));
  });
  afterAll(async () => {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("is ready with a migrated database and a writable store", async () => {
    // A generous limit here: the first query compiles Prisma's engine, slow on a loaded machine.
    const readiness = await checkReadiness({ db: database.prisma(), storage: new LocalFileStorage({ root: dir }), timeoutMs: 20_000 });
    expect(readiness).toEqual({ ready: true, checks: { database: "ok", migrations: "ok", storage: "ok" }, pendingMigrations: 0 });
  });

  it("is not ready while this build has a migration the database lacks", async () => {
    const next = { name: "29991231000000_from_the_next_release", sql: "SELECT 1;", checksum: "0".repeat(64) };
    const readiness = await checkReadiness({ db: database.prisma(), storage: new LocalFileStorage({ root: dir }), migrations: [...readMigrations(), next], timeoutMs: 20_000 });
    expect(readiness).toMatchObject({ ready: false, checks: { database: "ok", migrations: "pending" }, pendingMigrations: 1 });
  });

  it("is not ready when the document store cannot be written", async () => {
    const file = path.join(dir, "a-file");
    fs.writeFileSync(file, "");
    const readiness = await checkReadiness({ db: database.prisma(), storage: new LocalFileStorage({ root: path.join(file, "uploads") }), timeoutMs: 20_000 });
    expect(readiness).toMatchObject({ ready: false, checks: { storage: "unreachable" } });
  });

  it.runIf(testEngine() === "postgres")("is not ready when the database is down, and says so within its time limit", async () => {
    const down = prismaForPostgres("postgresql://postgres@127.0.0.1:1/none", 1);
    const started = Date.now();
    const readiness = await checkReadiness({ db: down, storage: new LocalFileStorage({ root: dir }), timeoutMs: 1_000 });
    expect(readiness).toMatchObject({ ready: false, checks: { database: "unreachable", migrations: "unknown", storage: "ok" } });
    expect(Date.now() - started).toBeLessThan(3_000);
    await down.$disconnect();
  });
});
