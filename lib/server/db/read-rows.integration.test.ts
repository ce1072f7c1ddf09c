import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { createTestDatabase, testEngine, type TestDatabase } from "@/tests/support/test-database";
import type { Db } from "./prisma";
import { readRows, runStatement } from "./read-rows";

// readRows must return exactly what $queryRaw returns for the same statement,
// column type by column type, while going around Prisma's query interpreter.

const AT = new Date("2026-01-02T03:04:05.678Z");
const LATER = new Date("2027-03-21T20:30:00Z");

describe(`readRows on ${testEngine()}`, () => {
  let database: TestDatabase;
  let db: Db;
  const sent: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase({ client: { onQuery: ({ sql }) => void sent.push(sql) } });
    db = database.prisma();
    await db.$executeRaw`CREATE TABLE "ReadRowsProbe" ("id" uuid PRIMARY KEY, "at" timestamp(3) NOT NULL, "label" text, "tags" text[] NOT NULL, "n" int4 NOT NULL)`;
    await db.$executeRaw`INSERT INTO "ReadRowsProbe" VALUES
      ('5a0c8a3e-7f55-4b55-9c3f-1f8b0f0c0001', ${AT}, 'نخست', ARRAY['a','b'], 1),
      ('5a0c8a3e-7f55-4b55-9c3f-1f8b0f0c0002', ${LATER}, NULL, ARRAY[]::text[], 2)`;
  });
  afterAll(() => database.close());

  it("returns what $queryRaw returns for every kind of column", async () => {
    const statement = Prisma.sql`
      SELECT ${AT}::timestamp(3) AS "ts", ${AT}::timestamptz AS "tstz", ${LATER}::date AS "day",
             '12:34:56.789'::time AS "clock",
             ${5}::int4 AS "int", 9007199254740993::int8 AS "big", count(*) AS "counted",
             12.5::float8 AS "float", 1234.5678::numeric(10, 4) AS "money", true AS "yes",
             ${"سلام"} AS "text", 'c'::char AS "char", '5a0c8a3e-7f55-4b55-9c3f-1f8b0f0c0001'::uuid AS "uuid",
             '{"a": [1, "دو"]}'::jsonb AS "json", '\\x0102ff'::bytea AS "bytes",
             ${["x", "ی"]}::text[] AS "texts", ARRAY[1, 2]::int4[] AS "ints", ARRAY[7]::int8[] AS "bigs",
             ARRAY[${AT}::timestamp(3), ${LATER}::timestamp(3)] AS "instants",
             NULL::timestamp(3) AS "nothing", NULL::text[] AS "noTexts"
        FROM (VALUES (1), (2)) AS t(x)`;
    const viaPrisma = await db.$queryRaw<Record<string, unknown>[]>(statement);
    const viaAdapter = await readRows<Record<string, unknown>>(db, statement);
    expect(viaAdapter).toEqual(viaPrisma);
    const [row] = viaAdapter;
    expect(row).toMatchObject({ ts: AT, tstz: AT, day: new Date("2027-03-21T00:00:00Z"), int: 5, big: 9007199254740993n, counted: 2n });
    expect(row!.money).toBeInstanceOf(Prisma.Decimal);
    expect(String(row!.money)).toBe("1234.5678");
    expect(row!.bytes).toEqual(Uint8Array.from([1, 2, 255]));
    expect(row!.instants).toEqual([AT, LATER]);
  });

  it("binds instants, text and lists as $queryRaw does, and filters on them", async () => {
    const statement = (after: Date, tags: string[]) => Prisma.sql`
      SELECT "id", "at", "label", "tags", "n" FROM "ReadRowsProbe"
       WHERE "at" > ${after} AND "tags" @> ${tags}::text[] ORDER BY "at"`;
    for (const [after, tags] of [
      [new Date(AT.getTime() - 1), []],
      [AT, []],
      [new Date(AT.getTime() - 1), ["b"]],
    ] as const) {
      const viaAdapter = await readRows(db, statement(after, [...tags]));
      expect(viaAdapter).toEqual(await db.$queryRaw(statement(after, [...tags])));
    }
    expect(await readRows(db, statement(AT, []))).toEqual([
      { id: "5a0c8a3e-7f55-4b55-9c3f-1f8b0f0c0002", at: LATER, label: null, tags: [], n: 2 },
    ]);
  });

  it("goes through the client's adapter, so the statement observer sees it", async () => {
    sent.length = 0;
    await readRows(db, Prisma.sql`SELECT ${"observed"} AS "marker"`);
    expect(sent).toEqual([`SELECT $1 AS "marker"`]);
  });

  it("goes around $queryRaw from every copy of the module (Next bundles one for the instrumentation hook, one for the routes)", async () => {
    const queryRaw = vi.spyOn(db, "$queryRaw");
    try {
      vi.resetModules();
      const copy = await import("./read-rows");
      expect(copy.readRows).not.toBe(readRows);
      sent.length = 0;
      expect(await copy.readRows(db, Prisma.sql`SELECT ${"copy"} AS "marker"`)).toEqual([{ marker: "copy" }]);
      expect(await readRows(db, Prisma.sql`SELECT ${"first"} AS "marker"`)).toEqual([{ marker: "first" }]);
      expect(sent).toEqual([`SELECT $1 AS "marker"`, `SELECT $1 AS "marker"`]);
      expect(queryRaw).not.toHaveBeenCalled();
    } finally {
      queryRaw.mockRestore();
    }
  });

  it("reads inside a transaction through the transaction", async () => {
    const rows = await db.$transaction(async (tx) => {
      await tx.$executeRaw`UPDATE "ReadRowsProbe" SET "label" = 'در تراکنش' WHERE "n" = 2`;
      const seen = await readRows<{ label: string }>(tx, Prisma.sql`SELECT "label" FROM "ReadRowsProbe" WHERE "n" = 2`);
      throw Object.assign(new Error("undo"), { seen });
    }).catch((error: { seen?: unknown }) => error.seen);
    expect(rows).toEqual([{ label: "در تراکنش" }]);
    expect(await readRows(db, Prisma.sql`SELECT "label" FROM "ReadRowsProbe" WHERE "n" = 2`)).toEqual([{ label: null }]);
  });

  it("runs a statement that returns no rows through the adapter, and counts the rows it touched", async () => {
    const executeRaw = vi.spyOn(db, "$executeRaw");
    try {
      sent.length = 0;
      const insert = Prisma.sql`INSERT INTO "ReadRowsProbe" VALUES (${"5a0c8a3e-7f55-4b55-9c3f-1f8b0f0c0003"}::uuid, ${LATER}, ${null}, ${["ج"]}::text[], ${3})`;
      expect(await runStatement(db, insert)).toBe(1);
      expect(sent).toEqual([insert.text]);
      expect(executeRaw).not.toHaveBeenCalled();
      expect(await readRows(db, Prisma.sql`SELECT "at", "label", "tags" FROM "ReadRowsProbe" WHERE "n" = 3`)).toEqual([{ at: LATER, label: null, tags: ["ج"] }]);
      expect(await runStatement(db, Prisma.sql`DELETE FROM "ReadRowsProbe" WHERE "n" >= ${3}`)).toBe(1);
      await expect(runStatement(db, Prisma.sql`INSERT INTO "ReadRowsProbe" ("id") VALUES (${"5a0c8a3e-7f55-4b55-9c3f-1f8b0f0c0004"}::uuid)`)).rejects.toThrow();
    } finally {
      executeRaw.mockRestore();
    }
    // Inside a transaction it is the transaction's: rolled back with it.
    await expect(
      db.$transaction(async (tx) => {
        expect(await runStatement(tx, Prisma.sql`UPDATE "ReadRowsProbe" SET "label" = 'در تراکنش'`)).toBe(2);
        throw new Error("undo");
      }),
    ).rejects.toThrow("undo");
    expect(await readRows(db, Prisma.sql`SELECT "label" FROM "ReadRowsProbe" ORDER BY "n"`)).toEqual([{ label: "نخست" }, { label: null }]);
  });

  it("reconnects after the client was disconnected", async () => {
    await db.$disconnect();
    expect(await readRows(db, Prisma.sql`SELECT "n" FROM "ReadRowsProbe" ORDER BY "n"`)).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it("fails with the database's message on a bad statement", async () => {
    await expect(readRows(db, Prisma.sql`SELECT "missing" FROM "ReadRowsProbe"`)).rejects.toThrow();
  });
});
