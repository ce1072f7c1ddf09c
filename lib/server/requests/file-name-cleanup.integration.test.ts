import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testEngine, type TestDatabase } from "@/tests/support/test-database";
import { BIDI_CONTROLS } from "./store-document";

// The migration that cleans names stored before safeFileName dropped direction
// marks must drop exactly what safeFileName drops, on both engines.
const MIGRATION = path.join(process.cwd(), "prisma/migrations/20261201223000_file_names_without_direction_marks/migration.sql");

describe(`file names stored with direction marks, on ${testEngine()}`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase({ migrate: false });
  });
  afterAll(() => database.close());

  it("are cleaned by the migration as safeFileName cleans new ones, ZWNJ kept", async () => {
    const sql = fs.readFileSync(MIGRATION, "utf8");
    const patterns = [...sql.matchAll(/E'(\[[^']+\])'/g)].map((m) => m[1]!);
    expect(patterns.length).toBe(4);
    expect(new Set(patterns).size).toBe(1);
    const names = ["taahod\u202Efdp.pdf", "\u2067شناسنامه\u2069\u200E.jpg", "کارت\u200Cملی.png", "a\u061Cb\u200Fc\u202Ad\u202Be\u202Cf\u202Dg\u2066h\u2068i.pdf", "plain.pdf"];
    const cleaned = await database.withExecutor((executor) =>
      Promise.all(names.map(async (name) => (await executor.query<{ out: string }>(`SELECT regexp_replace($1, E'${patterns[0]}', '', 'g') AS out`, [name]))[0]!.out)),
    );
    expect(cleaned).toEqual(names.map((n) => n.replace(BIDI_CONTROLS, "")));
    expect(cleaned[0]).toBe("taahodfdp.pdf");
    expect(cleaned[2]).toBe("کارت\u200Cملی.png");
  });
});
