import { describe, expect, it } from "vitest";
import { chunks, definitionDifferences, NATIONAL_COUNTS, nationalInsertSteps, parseScaleOption, rowUuid, scaledCounts } from "./national";

describe("parseScaleOption", () => {
  it("reads --scale as the quick scale and --scale=national as the national one", () => {
    expect(parseScaleOption([])).toBeNull();
    expect(parseScaleOption(["--no-http"])).toBeNull();
    expect(parseScaleOption(["--scale"])).toBe("quick");
    expect(parseScaleOption(["--scale=quick", "--no-http"])).toBe("quick");
    expect(parseScaleOption(["--no-http", "--scale=national"])).toBe("national");
  });

  it("refuses a scale it does not know", () => {
    expect(() => parseScaleOption(["--scale=country"])).toThrow(/unknown option --scale=country/);
  });
});

describe("scaledCounts", () => {
  it("is the national counts undivided", () => {
    expect(scaledCounts(1)).toEqual(NATIONAL_COUNTS);
    expect(NATIONAL_COUNTS).toMatchObject({ insured: 16_000_000, dependents: 45_000_000, requests: 10_000_000, accounts: 4_000_000 });
  });

  it("divides every row count but the branches, for a trial run", () => {
    expect(scaledCounts(1000)).toEqual({ ...NATIONAL_COUNTS, insured: 16_000, accounts: 4_000, dependents: 45_000, requests: 10_000 });
  });

  it("refuses a divisor that is not a whole number ≥ 1", () => {
    expect(() => scaledCounts(0)).toThrow();
    expect(() => scaledCounts(2.5)).toThrow();
    expect(() => scaledCounts(Number.NaN)).toThrow();
  });
});

describe("chunks", () => {
  it("covers 1..total without gaps or overlaps", () => {
    expect(chunks(10, 4)).toEqual([
      { from: 1, to: 4 },
      { from: 5, to: 8 },
      { from: 9, to: 10 },
    ]);
    expect(chunks(8, 4)).toEqual([
      { from: 1, to: 4 },
      { from: 5, to: 8 },
    ]);
    expect(chunks(0, 4)).toEqual([]);
  });
});

describe("nationalInsertSteps", () => {
  const steps = nationalInsertSteps(NATIONAL_COUNTS);
  const rowsOf = (table: string) => steps.filter((s) => s.table === table).reduce((sum, s) => sum + s.rows, 0);

  it("inserts every table's rows, in chunks of at most 2.5M", () => {
    expect(rowsOf("InsuranceRecord")).toBe(16_000_000);
    expect(rowsOf("CitizenAccount")).toBe(4_000_000);
    expect(rowsOf("Coverage")).toBe(45_000_000);
    expect(rowsOf("Request")).toBe(10_000_000);
    expect(rowsOf("DependentEnrolment")).toBe(4_000_000);
    expect(steps.filter((s) => s.table === "Coverage")).toHaveLength(18);
    expect(steps.every((s) => s.rows <= 2 * 2_500_000)).toBe(true);
  });

  it("fills the tables referenced before the tables that reference them", () => {
    const first = (table: string) => steps.findIndex((s) => s.table === table);
    expect(first("Branch")).toBe(0);
    expect(first("CitizenAccount")).toBeLessThan(first("Request"));
    expect(first("Request")).toBeLessThan(first("RequestEvent"));
    expect(first("Request")).toBeLessThan(first("DependentEnrolment"));
  });

  it("generates each chunk's rows from its own range", () => {
    const coverage = steps.filter((s) => s.table === "Coverage");
    expect(coverage[0]!.sql).toContain("generate_series(1, 2500000)");
    expect(coverage[1]!.sql).toContain("generate_series(2500001, 5000000)");
    // Two events per request: the chunk of requests 1..2.5M holds events 1..5M.
    expect(steps.find((s) => s.table === "RequestEvent")!.sql).toContain("generate_series(1, 5000000)");
  });
});

describe("rowUuid", () => {
  it("is a UUID that grows with the row number", () => {
    expect(rowUuid(4, "i")).toBe("('ffffff04-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid");
  });
});

describe("definitionDifferences", () => {
  const index = { table: "Request", name: "Request_branchId_dueAt_id_idx", def: 'CREATE INDEX "Request_branchId_dueAt_id_idx" ON public."Request" USING btree ("branchId", "dueAt", id)' };
  const fk = { table: '"Request"', name: "Request_branchId_fkey", def: 'FOREIGN KEY ("branchId") REFERENCES "Branch"(id)' };

  it("is empty when the same definitions are back", () => {
    expect(definitionDifferences({ indexes: [index], foreignKeys: [fk] }, { indexes: [index], foreignKeys: [fk] })).toEqual([]);
  });

  it("names what is missing or changed", () => {
    const changed = { ...index, def: index.def.replace(', id)', ')') };
    expect(definitionDifferences({ indexes: [index], foreignKeys: [fk] }, { indexes: [changed], foreignKeys: [] })).toEqual([
      `missing index Request.Request_branchId_dueAt_id_idx: ${index.def}`,
      `missing foreign key "Request".Request_branchId_fkey: ${fk.def}`,
      `extra index Request.Request_branchId_dueAt_id_idx: ${changed.def}`,
    ]);
  });
});
