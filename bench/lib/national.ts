// `npm run bench -- --scale=national`: the country's size, seeded inside PostgreSQL
// in database bench_national, then measured like the quick scale (bench/lib/scale.ts).
//
// To load tens of millions of rows in minutes on two cores, the seed (session
// settings only; the server's configuration is not touched):
// - drops the big tables' secondary indexes and foreign keys, inserts, then
//   recreates them from the definitions read before (pg_indexes.indexdef,
//   pg_get_constraintdef) and checks that the definitions read afterwards are the
//   same: the measured database has the migrated schema;
// - gives the generated rows increasing ids (UUIDs ending in the row number, like
//   time-ordered UUIDs), so each primary key index is filled in order;
// - switches autovacuum off on those tables while loading and back on (RESET)
//   afterwards, then runs VACUUM ANALYZE itself, as autovacuum would have;
// - inserts in chunks so progress is logged.
import fs from "node:fs";
import os from "node:os";
import { runMigrations } from "@/lib/server/db/migrate";
import { pgClientExecutor } from "@/lib/server/db/sql-executor";
import { seedDemo } from "@/lib/server/demo/seed-demo";
import type pg from "pg";
import { recreateDatabase, withClient } from "./databases";
import { figure, type Figure } from "./figures";
import { measurePages, observedDb } from "./scale";

export type NationalCounts = {
  /** Branches in the country, the demo's included. */
  branches: number;
  insured: number;
  accounts: number;
  dependents: number;
  requests: number;
  /** Every this-many-th request is filed with branch 1201 (on top of its share of the rest). */
  heavyBranchEvery: number;
};

/**
 * About 16M insured persons, 45M covered relatives, 10M requests over two years, 4M citizens with an account.
 * ~430 branches: 10M / 430 ≈ 23,000 requests each; branch 1201 gets every 100th request plus its share of
 * the rest, about 123,000 (5.3× the average, a big-city branch), of which 3 % are open.
 */
export const NATIONAL_COUNTS: NationalCounts = {
  branches: 430,
  insured: 16_000_000,
  accounts: 4_000_000,
  dependents: 45_000_000,
  requests: 10_000_000,
  heavyBranchEvery: 100,
};

/** Rows per INSERT statement (one logged step each). */
export const CHUNK_ROWS = 2_500_000;

/** The tables the seed fills in bulk: their secondary indexes and foreign keys are dropped while loading. */
export const BULK_TABLES = ["InsuranceRecord", "CitizenAccount", "Coverage", "Request", "RequestEvent", "DependentEnrolment"] as const;

export type ScaleOption = "quick" | "national" | null;

/** `--scale` (or `--scale=quick`): the quick scale; `--scale=national`: this one; neither: no scale block. */
export function parseScaleOption(argv: string[]): ScaleOption {
  let found: ScaleOption = null;
  for (const arg of argv) {
    if (arg === "--scale" || arg === "--scale=quick") found = "quick";
    else if (arg === "--scale=national") found = "national";
    else if (arg.startsWith("--scale")) throw new Error(`unknown option ${arg}: use --scale or --scale=national`);
  }
  return found;
}

/** NATIONAL_COUNTS divided by `divisor` (BENCH_NATIONAL_DIVISOR, for a trial run in seconds); branches stay. */
export function scaledCounts(divisor: number, base: NationalCounts = NATIONAL_COUNTS): NationalCounts {
  if (!Number.isInteger(divisor) || divisor < 1) throw new Error(`BENCH_NATIONAL_DIVISOR must be a whole number ≥ 1, not ${divisor}`);
  const d = (n: number) => Math.max(1, Math.floor(n / divisor));
  return { ...base, insured: d(base.insured), accounts: Math.min(d(base.accounts), d(base.insured)), dependents: d(base.dependents), requests: d(base.requests) };
}

/** [from, to] ranges (1-based, inclusive) covering 1..total in chunks of at most `size`. */
export function chunks(total: number, size: number): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = [];
  for (let from = 1; from <= total; from += size) out.push({ from, to: Math.min(total, from + size - 1) });
  return out;
}

/**
 * The id of generated row `expr` of kind `kind` (1..9): ffffffkk-0000-4000-8000-<row in hex>. Increasing with the
 * row, and above the demo rows' random UUIDs, so each primary key index is appended to.
 */
export const rowUuid = (kind: number, expr: string) => `('ffffff${kind.toString(16).padStart(2, "0")}-0000-4000-8000-' || lpad(to_hex(${expr}), 12, '0'))::uuid`;
const ID = { insured: 1, account: 2, coverage: 3, request: 4, event: 5 } as const;

const nid = (prefix: number, expr: string) => `'${prefix}' || lpad((${expr})::text, 9, '0')`;

export type SeedStep = { label: string; table: string | null; rows: number; sql: string };

/** The INSERT statements of the national seed, chunked; each generates its rows from generate_series. */
export function nationalInsertSteps(c: NationalCounts, chunkRows = CHUNK_ROWS): SeedStep[] {
  const steps: SeedStep[] = [];
  const n = (x: number) => x.toLocaleString("en-US");
  const chunked = (table: string, what: string, total: number, sql: (from: number, to: number) => string, rowsOf = (from: number, to: number) => to - from + 1) => {
    for (const { from, to } of chunks(total, chunkRows)) steps.push({ label: `${what} ${n(from)}–${n(to)} of ${n(total)}`, table, rows: rowsOf(from, to), sql: sql(from, to) });
  };
  const branchIds = `(SELECT array_agg(id ORDER BY code) AS ids, count(*)::int AS n FROM "Branch")`;
  steps.push({
    label: `branches up to ${c.branches}`,
    table: "Branch",
    rows: c.branches,
    sql: `INSERT INTO "Branch" (id, code, name, province, city, address, phone)
      SELECT gen_random_uuid(), 'S' || lpad(i::text, 4, '0'), 'شعبه ' || i, 'استان', 'شهر', 'نشانی شعبه ' || i, '02100000000'
      FROM generate_series(1, ${c.branches} - (SELECT count(*) FROM "Branch")) AS i`,
  });
  chunked(
    "InsuranceRecord",
    "insured persons",
    c.insured,
    (from, to) => `INSERT INTO "InsuranceRecord" (id, "nationalId", "insuranceNumber", kind, "branchId")
      SELECT ${rowUuid(ID.insured, "i")}, ${nid(1, "i")}, 'S' || i, (CASE WHEN i % 2 = 0 THEN 'PENSIONER' ELSE 'INSURED' END)::"InsuranceKind", b.ids[1 + i % b.n]
      FROM generate_series(${from}, ${to}) AS i, ${branchIds} AS b`,
  );
  chunked(
    "CitizenAccount",
    "citizen accounts",
    c.accounts,
    (from, to) => `INSERT INTO "CitizenAccount" (id, "nationalId", mobile, "firstName", "lastName", "fatherName", "birthDate", gender, "passwordHash")
      SELECT ${rowUuid(ID.account, "i")}, ${nid(1, "i")}, '09' || lpad(i::text, 9, '0'), 'نام' || i, 'خانوادگی' || i, 'پدر', '1360/01/01',
             (CASE WHEN i % 2 = 0 THEN 'FEMALE' ELSE 'MALE' END)::"Gender", 'not-a-real-hash'
      FROM generate_series(${from}, ${to}) AS i`,
  );
  chunked(
    "Coverage",
    "covered relatives",
    c.dependents,
    (from, to) => `INSERT INTO "Coverage" (id, "insuredNationalId", "dependentNationalId", relationship, "startedAt")
      SELECT ${rowUuid(ID.coverage, "j")}, ${nid(1, `1 + (j - 1) % ${c.insured}`)}, ${nid(2, "j")},
             (ARRAY['WIFE','SON','DAUGHTER','MOTHER'])[1 + j % 4]::"Relationship", now() - make_interval(secs => j)
      FROM generate_series(${from}, ${to}) AS j`,
  );
  // Request i: applicant is account holder 1 + (i-1) % accounts; 40 % enrolments; s = (i / 100) % 100 picks the
  // status independently of the branch (i % 100): 0 submitted, 1 in review, 2 returned (3 % open), the rest decided.
  const request = (i: string) => `(SELECT ${i} AS i, (${i} / 100) % 100 AS s, ${i} % 5 < 2 AS enrol) AS x`;
  const status = `CASE WHEN x.s = 0 THEN 'SUBMITTED' WHEN x.s = 1 THEN 'IN_REVIEW' WHEN x.s = 2 THEN 'RETURNED'
      WHEN x.enrol THEN (CASE WHEN x.s % 4 = 0 THEN 'REJECTED' ELSE 'APPROVED' END) ELSE (CASE WHEN x.s % 10 = 0 THEN 'CLOSED' ELSE 'ANSWERED' END) END`;
  const createdAt = `now() - make_interval(days => x.i % 700 + 3, secs => x.i % 86400)`;
  chunked(
    "Request",
    "requests",
    c.requests,
    (from, to) => `INSERT INTO "Request" (id, "trackingCode", kind, "applicantNationalId", "citizenId", "branchId", "createdAt", domain, subject, body, status, "dueAt", "updatedAt", "decidedAt")
      SELECT ${rowUuid(ID.request, "x.i")}, '9' || lpad(x.i::text, 9, '0'),
             (CASE WHEN x.enrol THEN 'DEPENDENT_ENROLMENT' ELSE 'QUESTION' END)::"RequestKind",
             ${nid(1, `1 + (x.i - 1) % ${c.accounts}`)}, ${rowUuid(ID.account, `1 + (x.i - 1) % ${c.accounts}`)},
             CASE WHEN x.i % ${c.heavyBranchEvery} = 0 THEN heavy.id ELSE b.ids[1 + x.i % b.n] END,
             ${createdAt},
             (CASE WHEN x.enrol THEN NULL ELSE 'INSURANCE' END)::"RequestDomain",
             CASE WHEN x.enrol THEN 'نام‌نویسی فرزند' ELSE 'پرسش ' || x.i END,
             CASE WHEN x.enrol THEN NULL ELSE 'متن پرسش' END,
             (${status})::"RequestStatus",
             CASE WHEN x.s < 2 THEN now() + make_interval(days => (x.i % 20) - 5, secs => x.i % 86400) END,
             now(),
             CASE WHEN x.s >= 3 THEN ${createdAt} + interval '2 days' END
      FROM generate_series(${from}, ${to}) AS g(i)
      CROSS JOIN LATERAL ${request("g.i")}
      CROSS JOIN ${branchIds} AS b
      CROSS JOIN (SELECT id FROM "Branch" WHERE code = '1201') AS heavy`,
  );
  // Events 2i-1 and 2i belong to request i: SUBMITTED by the citizen, then (unless still submitted) the officer's
  // ASSIGNED, RETURNED or decision.
  chunked(
    "RequestEvent",
    "request events for requests",
    c.requests,
    (from, to) => `INSERT INTO "RequestEvent" (id, "requestId", type, at, "actorKind")
      SELECT ${rowUuid(ID.event, "e")}, ${rowUuid(ID.request, "x.i")},
             (CASE WHEN e % 2 = 1 THEN 'SUBMITTED' WHEN x.s = 1 THEN 'ASSIGNED' ELSE ${status} END)::"RequestEventType",
             ${createdAt} + (CASE WHEN e % 2 = 1 THEN interval '0' ELSE interval '1 day' END),
             (CASE WHEN e % 2 = 1 THEN 'CITIZEN' ELSE 'STAFF' END)::"ActorKind"
      FROM generate_series(${2 * from - 1}, ${2 * to}) AS e
      CROSS JOIN LATERAL ${request("(e + 1) / 2")}
      WHERE e % 2 = 1 OR x.s <> 0`,
    (from, to) => 2 * (to - from + 1),
  );
  chunked(
    "DependentEnrolment",
    "enrolment details for requests",
    c.requests,
    (from, to) => `INSERT INTO "DependentEnrolment" ("requestId", "dependentNationalId", "firstName", "lastName", "fatherName", "birthDate", gender, relationship, declared, "eligibilityRule")
      SELECT ${rowUuid(ID.request, "i")}, ${nid(3, "i")}, 'آرش', 'نمونه', 'محمد', '1395/01/01', 'MALE', 'SON', '{}'::jsonb, 'SON_UNDER_18'
      FROM generate_series(${from}, ${to}) AS i WHERE i % 5 < 2`,
    (from, to) => Math.round(((to - from + 1) * 2) / 5),
  );
  return steps;
}

type Definitions = { indexes: { table: string; name: string; def: string }[]; foreignKeys: { table: string; name: string; def: string }[] };

/** The secondary indexes (not backing a constraint) and the foreign keys of the bulk tables, as the migrations made them. */
async function readDefinitions(client: pg.Client): Promise<Definitions> {
  const tables = [...BULK_TABLES];
  const indexes = await client.query<{ table: string; name: string; def: string }>(
    `SELECT i.tablename AS table, i.indexname AS name, i.indexdef AS def FROM pg_indexes i
     WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = format('public.%I', i.indexname)::regclass)
     ORDER BY 1, 2`,
    [tables],
  );
  const foreignKeys = await client.query<{ table: string; name: string; def: string }>(
    `SELECT c.conrelid::regclass::text AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS def FROM pg_constraint c
     WHERE c.contype = 'f' AND c.conrelid = ANY(SELECT format('public.%I', t)::regclass FROM unnest($1::text[]) AS t)
     ORDER BY 1, 2`,
    [tables],
  );
  return { indexes: indexes.rows, foreignKeys: foreignKeys.rows };
}

/** Definitions present on one side only (empty when the schema after the seed is the migrated one). */
export function definitionDifferences(before: Definitions, after: Definitions): string[] {
  const key = (kind: string) => (d: { table: string; name: string; def: string }) => `${kind} ${d.table}.${d.name}: ${d.def}`;
  const a = new Set([...before.indexes.map(key("index")), ...before.foreignKeys.map(key("foreign key"))]);
  const b = new Set([...after.indexes.map(key("index")), ...after.foreignKeys.map(key("foreign key"))]);
  return [...[...a].filter((x) => !b.has(x)).map((x) => `missing ${x}`), ...[...b].filter((x) => !a.has(x)).map((x) => `extra ${x}`)];
}

export type NationalReport = { figures: Figure[]; notes: Record<string, unknown> };

const MB = 1024 * 1024;

export async function runNational({ runs = 200, warmups = 20, counts = NATIONAL_COUNTS, log }: { runs?: number; warmups?: number; counts?: NationalCounts; log: (line: string) => void }): Promise<NationalReport> {
  const url = await recreateDatabase("bench_national");
  const figures: Figure[] = [];
  await withClient(url, (client) => runMigrations({ executor: pgClientExecutor(client) }));
  {
    const seeding = observedDb(url);
    await seedDemo({ db: seeding.db });
    await seeding.db.$disconnect();
  }

  // 1. The seed, step by step.
  const seedSteps: { label: string; seconds: number }[] = [];
  const seedStarted = performance.now();
  let differences: string[] = [];
  let definitions: Definitions | null = null;
  await withClient(url, async (client) => {
    const step = async (label: string, sql: string) => {
      const started = performance.now();
      await client.query(sql);
      const seconds = (performance.now() - started) / 1000;
      seedSteps.push({ label, seconds: Math.round(seconds * 10) / 10 });
      log(`  ${label}: ${seconds.toFixed(1)} s (${Math.round((performance.now() - seedStarted) / 1000)} s in all; ${freeDiskGb()} GB free)`);
    };
    await client.query(`SET synchronous_commit = off`);
    await client.query(`SET maintenance_work_mem = '1GB'`);
    const before = await readDefinitions(client);
    definitions = before;
    log(`  dropping ${before.indexes.length} secondary indexes and ${before.foreignKeys.length} foreign keys of ${BULK_TABLES.join(", ")} while loading`);
    for (const fk of before.foreignKeys) await client.query(`ALTER TABLE ${fk.table} DROP CONSTRAINT "${fk.name}"`);
    for (const index of before.indexes) await client.query(`DROP INDEX public."${index.name}"`);
    for (const table of BULK_TABLES) await client.query(`ALTER TABLE "${table}" SET (autovacuum_enabled = false)`);
    for (const s of nationalInsertSteps(counts)) await step(s.label, s.sql);
    for (const index of before.indexes) await step(`index ${index.name}`, index.def);
    for (const fk of before.foreignKeys) await step(`foreign key ${fk.name}`, `ALTER TABLE ${fk.table} ADD CONSTRAINT "${fk.name}" ${fk.def}`);
    for (const table of BULK_TABLES) await client.query(`ALTER TABLE "${table}" RESET (autovacuum_enabled)`);
    differences = definitionDifferences(before, await readDefinitions(client));
    await step("VACUUM ANALYZE", "VACUUM (ANALYZE)");
  });
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  const d = definitions as Definitions | null;
  log(`  seeded in ${seedSeconds.toFixed(0)} s; ${d?.indexes.length} indexes and ${d?.foreignKeys.length} foreign keys recreated, differences: ${differences.join("; ") || "none"}`);
  const m = (x: number) => (x >= 1e6 ? `${Math.round(x / 1e6)}M` : x.toLocaleString("en-US"));
  figures.push(figure({ name: `National: seed ${m(counts.insured)} insured, ${m(counts.dependents)} relatives, ${m(counts.requests)} requests`, value: Math.round(seedSeconds), unit: "s", target: { kind: "atMost", limit: 1800 } }));
  figures.push(figure({ name: "National: index and foreign key definitions differing from the migrated schema's", value: differences.length, unit: "", target: { kind: "atMost", limit: 0 } }));

  // 2. The query phase, with fresh connections (their peak memory is the query phase's).
  const hitsBefore = await bufferCounters(url);
  const observed = observedDb(url);
  const measured = await measurePages({ url, observed, runs, warmups, prefix: "National", log });
  const memory = await postgresMemory(url);
  await observed.db.$disconnect();
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const hitsAfter = await bufferCounters(url);
  figures.push(...measured.figures);

  // 3. Sizes and memory (report only).
  const sizes = await withClient(url, async (client) => {
    const tables = await client.query<{ table: string; rows: string; table_bytes: string; index_bytes: string }>(
      `SELECT relname AS table, reltuples::bigint AS rows, pg_relation_size(oid) AS table_bytes, pg_indexes_size(oid) AS index_bytes
       FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace AND reltuples >= 100000 ORDER BY pg_relation_size(oid) DESC`,
    );
    const database = await client.query<{ bytes: string }>(`SELECT pg_database_size(current_database()) AS bytes`);
    const settings = await client.query<{ name: string; setting: string }>(
      `SELECT name, current_setting(name) AS setting FROM unnest(ARRAY['shared_buffers','work_mem','maintenance_work_mem','effective_cache_size','max_wal_size']) AS name`,
    );
    return {
      tables: tables.rows.map((r) => ({ table: r.table, rows: Number(r.rows), tableMb: Math.round(Number(r.table_bytes) / MB), indexMb: Math.round(Number(r.index_bytes) / MB) })),
      databaseMb: Math.round(Number(database.rows[0]!.bytes) / MB),
      settings: Object.fromEntries(settings.rows.map((r) => [r.name, r.setting])),
    };
  });
  for (const t of sizes.tables) {
    figures.push(figure({ name: `National: ${t.table} rows (after VACUUM)`, value: t.rows, unit: "", target: { kind: "reportOnly" } }));
    figures.push(figure({ name: `National: ${t.table} table size`, value: t.tableMb, unit: "MB", target: { kind: "reportOnly" } }));
    figures.push(figure({ name: `National: ${t.table} index size`, value: t.indexMb, unit: "MB", target: { kind: "reportOnly" } }));
  }
  figures.push(figure({ name: "National: database size", value: sizes.databaseMb, unit: "MB", target: { kind: "reportOnly" } }));
  figures.push(figure({ name: `National: shared_buffers ${sizes.settings.shared_buffers}, work_mem ${sizes.settings.work_mem}: peak resident memory of a query backend (VmHWM)`, value: memory.backendPeakMb, unit: "MB", target: { kind: "reportOnly" } }));
  figures.push(figure({ name: "National: peak resident memory, all PostgreSQL processes summed (VmHWM)", value: memory.allPeakSumMb, unit: "MB", target: { kind: "reportOnly" } }));
  const hit = hitsAfter.hit - hitsBefore.hit;
  const read = hitsAfter.read - hitsBefore.read;
  const hitRatio = hit + read > 0 ? Math.round((hit / (hit + read)) * 10000) / 100 : 0;
  figures.push(figure({ name: "National: buffer-cache hit ratio during the query phase", value: hitRatio, unit: "%", target: { kind: "reportOnly" } }));

  return {
    figures,
    notes: {
      national: {
        counts,
        busiestBranch: { code: "1201", openRequests: measured.queueSize, assumption: "about 430 branches; branch 1201 gets every 100th request plus its share of the rest, ~5× the average branch" },
        seedSeconds: Math.round(seedSeconds),
        seedSteps,
        recreated: d,
        definitionDifferences: differences,
        plans: measured.plans,
        sizes,
        memory,
        bufferCache: { hits: hit, reads: read, hitRatioPercent: hitRatio },
        runs,
        warmups,
      },
    },
  };
}

function freeDiskGb(): number {
  const s = fs.statfsSync("/");
  return Math.round((s.bavail * s.bsize) / 1024 ** 3);
}

async function bufferCounters(url: string): Promise<{ hit: number; read: number }> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ hit: string; read: string }>(`SELECT blks_hit AS hit, blks_read AS read FROM pg_stat_database WHERE datname = current_database()`);
    return { hit: Number(rows[0]!.hit), read: Number(rows[0]!.read) };
  });
}

const statusKb = (pid: number, field: string): number | null => {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+)`, "m").exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
};

/**
 * Peak resident memory (VmHWM, from /proc: needs the server on this machine and the right to read its processes) of the
 * query phase's backends (connected after the seed, so their peak is the query phase's) and of every PostgreSQL process.
 * Shared buffers a process touched count in its own figure, so the sum counts them more than once.
 */
async function postgresMemory(url: string): Promise<{ backendPeakMb: number; backends: number; allPeakSumMb: number; processes: { pid: number; kind: string; hwmKb: number | null; rssKb: number | null }[]; note?: string }> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ pid: number; kind: string; mine: boolean }>(
      `SELECT pid, coalesce(backend_type, '') || CASE WHEN datname = current_database() AND backend_type = 'client backend' THEN ' (query phase)' ELSE '' END AS kind, pid = pg_backend_pid() AS mine
       FROM pg_stat_activity`,
    );
    const pids = rows.filter((r) => !r.mine).map((r) => ({ pid: r.pid, kind: r.kind }));
    const parent = statusKb(pids[0]?.pid ?? 0, "PPid");
    if (parent) pids.push({ pid: parent, kind: "postmaster" });
    const processes = pids.map((p) => ({ ...p, hwmKb: statusKb(p.pid, "VmHWM"), rssKb: statusKb(p.pid, "VmRSS") }));
    const queryPhase = processes.filter((p) => p.kind.endsWith("(query phase)") && p.hwmKb !== null);
    const mb = (kb: number) => Math.round(kb / 1024);
    return {
      backendPeakMb: mb(Math.max(0, ...queryPhase.map((p) => p.hwmKb!))),
      backends: queryPhase.length,
      allPeakSumMb: mb(processes.reduce((sum, p) => sum + (p.hwmKb ?? 0), 0)),
      processes,
      ...(processes.every((p) => p.hwmKb === null) ? { note: `/proc/<pid>/status not readable on ${os.hostname()}` } : {}),
    };
  });
}
