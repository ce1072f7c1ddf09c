import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { LocalFileStorage } from "@/lib/adapters/storage/local-file-storage";
import { ZQueueFilters } from "@/lib/schemas/review";
import { createSession, resolveSession } from "@/lib/server/auth/sessions";
import { runMigrations } from "@/lib/server/db/migrate";
import type { ObservedQuery } from "@/lib/server/db/observe-queries";
import { prismaForPostgres, type Db } from "@/lib/server/db/prisma";
import { pgClientExecutor } from "@/lib/server/db/sql-executor";
import { seedDemo } from "@/lib/server/demo/seed-demo";
import { listMyDependents } from "@/lib/server/dependents/list-my-dependents";
import { fileQuestion } from "@/lib/server/requests/file-question";
import { getMyRequest } from "@/lib/server/requests/get-my-request";
import { listMyRequests } from "@/lib/server/requests/list-my-requests";
import { getRequestForReview } from "@/lib/server/review/get-request-for-review";
import { listReviewQueue } from "@/lib/server/review/list-review-queue";
import { OPEN_STATUSES } from "@/lib/server/review/staff-access";
import { recreateDatabase, withClient } from "./databases";
import { figure, type Figure } from "./figures";
import { sequentialScans } from "./plan";
import { insuredNationalId, QUICK_SCALE, scaleSeedStatements, type SeedCounts } from "./seed-sql";
import { summarize } from "./stats";

/** A table with at least this many rows is big: a sequential scan of it is a bug (small tables are rightly scanned). */
export const BIG_TABLE_ROWS = 100_000;

export type ScaleReport = { figures: Figure[]; seedSteps: { label: string; seconds: number }[]; plans: Record<string, string[]> };

type PageQueries = { name: string; run: () => Promise<unknown> };

export async function runScale({ runs = 1000, counts = QUICK_SCALE, log }: { runs?: number; counts?: SeedCounts; log: (line: string) => void }): Promise<ScaleReport> {
  const url = await recreateDatabase("bench_scale");
  const figures: Figure[] = [];

  // 1. Schema and demo data, then the national-scale rows.
  await withClient(url, (client) => runMigrations({ executor: pgClientExecutor(client) }));
  const observed = observedDb(url);
  await seedDemo({ db: observed.db });
  const seedSteps: { label: string; seconds: number }[] = [];
  const seedStarted = performance.now();
  await withClient(url, async (client) => {
    for (const step of scaleSeedStatements(counts)) {
      const started = performance.now();
      await client.query(step.sql);
      seedSteps.push({ label: step.label, seconds: (performance.now() - started) / 1000 });
      log(`  seeded ${step.label} in ${seedSteps.at(-1)!.seconds.toFixed(1)} s`);
    }
  });
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  figures.push(figure({ name: "Scale: seed 1M insured, 2M dependents, 1M requests", value: Math.round(seedSeconds), unit: "s", target: { kind: "atMost", limit: 600 } }));

  const measured = await measurePages({ url, observed, runs, warmups: 20, prefix: "Scale", log });
  await observed.db.$disconnect();
  return { figures: [...figures, ...measured.figures], seedSteps, plans: measured.plans };
}

/** A Prisma client whose statements can be recorded (to EXPLAIN what a page sent). */
export function observedDb(url: string): { db: Db; observe: (fn: ((q: ObservedQuery) => void) | null) => void } {
  let observer: ((q: ObservedQuery) => void) | null = null;
  const db: Db = prismaForPostgres(url, 4, { onQuery: (q) => observer?.(q) });
  return { db, observe: (fn) => (observer = fn) };
}

/**
 * Times each page's use case on a seeded database (demo data plus generated rows: account holder 1 and branch 1201's
 * officer 120101 are measured), EXPLAINs what it sent, and compares the queue's middle and last pages with its first.
 */
export async function measurePages({
  url,
  observed,
  runs,
  warmups,
  prefix,
  log,
}: {
  url: string;
  observed: ReturnType<typeof observedDb>;
  runs: number;
  warmups: number;
  prefix: string;
  log: (line: string) => void;
}): Promise<{ figures: Figure[]; plans: Record<string, string[]>; queueSize: number }> {
  const { db } = observed;
  const figures: Figure[] = [];
  // 2. The people and rows each page shows.
  const citizen = await db.citizenAccount.findUniqueOrThrow({ where: { nationalId: insuredNationalId(1) }, select: { id: true } });
  const myRequest = await db.request.findFirstOrThrow({ where: { citizenId: citizen.id }, select: { id: true } });
  const officer = await db.staffAccount.findUniqueOrThrow({ where: { personnelCode: "120101" }, select: { id: true, role: true, branchId: true } });
  const staff = { accountId: officer.id, role: officer.role, branchId: officer.branchId };
  const reviewed = await db.request.findFirstOrThrow({
    where: { branchId: officer.branchId, kind: "DEPENDENT_ENROLMENT", status: "SUBMITTED" },
    select: { id: true },
  });
  const session = await createSession({ db, subject: { kind: "CITIZEN", citizenId: citizen.id } });
  const lastPageCursor = await queueCursor(url, officer.branchId!, "last");
  const middlePageCursor = await queueCursor(url, officer.branchId!, "middle");
  const bigTables = await withClient(url, async (client) =>
    (await client.query<{ relname: string }>(`SELECT relname FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace AND reltuples >= $1`, [BIG_TABLE_ROWS])).rows.map((r) => r.relname),
  );
  log(`  big tables: ${bigTables.join(", ")}`);
  const storageRoot = fs.mkdtempSync(path.join(os.tmpdir(), "bench-scale-storage-"));
  const storage = new LocalFileStorage({ root: storageRoot });
  const queueSize = await db.request.count({ where: { branchId: officer.branchId, status: { in: [...OPEN_STATUSES] } } });
  log(`  branch 1201 queue: ${queueSize.toLocaleString("en-US")} open requests`);

  const pages: PageQueries[] = [
    { name: "every signed-in page: session", run: () => resolveSession({ db, sessionId: session.id }) },
    { name: "«درخواست‌های من»", run: () => listMyRequests({ db, citizenId: citizen.id }) },
    { name: "a request of mine", run: () => getMyRequest({ db, citizenId: citizen.id, requestId: myRequest.id }) },
    { name: "«افراد تحت تکفل»", run: () => listMyDependents({ db, citizenId: citizen.id }) },
    { name: "staff queue, first page", run: () => listReviewQueue({ db, staff, filters: ZQueueFilters.parse({}) }) },
    { name: "staff queue, middle page", run: () => listReviewQueue({ db, staff, filters: ZQueueFilters.parse({ after: middlePageCursor }) }) },
    { name: "staff queue, last page", run: () => listReviewQueue({ db, staff, filters: ZQueueFilters.parse({ after: lastPageCursor }) }) },
    { name: "staff queue, newest first", run: () => listReviewQueue({ db, staff, filters: ZQueueFilters.parse({ sort: "newest" }) }) },
    { name: "staff: a request under review", run: () => getRequestForReview({ db, staff, requestId: reviewed.id }) },
    {
      name: "question form submission",
      run: () =>
        fileQuestion({
          db,
          storage,
          citizenId: citizen.id,
          question: { domain: "INSURANCE", subject: "سابقه بیمه", body: "متن پرسش برای سنجش", submissionId: crypto.randomUUID() },
          attachment: null,
        }),
    },
  ];

  // 3. Time each page's queries, then EXPLAIN what they actually sent.
  const plans: Record<string, string[]> = {};
  const p95 = new Map<string, number>();
  for (const page of pages) {
    for (let i = 0; i < warmups; i++) await page.run();
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      await page.run();
      samples.push(performance.now() - started);
    }
    const s = summarize(samples);
    p95.set(page.name, s.p95);
    figures.push(figure({ name: `${prefix}: ${page.name}, p50`, value: round(s.p50), unit: "ms", target: { kind: "reportOnly" } }));
    figures.push(figure({ name: `${prefix}: ${page.name}, p95`, value: round(s.p95), unit: "ms", target: { kind: "atMost", limit: 20 } }));

    const sent: ObservedQuery[] = [];
    observed.observe((q) => sent.push(q));
    await page.run();
    observed.observe(null);
    const scans = await withClient(url, async (client) => {
      const found: string[] = [];
      for (const q of sent.filter((q) => /^\s*SELECT/i.test(q.sql))) {
        const { rows } = await client.query<{ "QUERY PLAN": unknown }>(`EXPLAIN (FORMAT JSON) ${q.sql}`, q.args);
        for (const table of sequentialScans(rows[0]!["QUERY PLAN"])) if (bigTables.includes(table)) found.push(table);
      }
      return found;
    });
    plans[page.name] = scans;
    figures.push(
      figure({
        name: `${prefix}: ${page.name}, sequential scans of big tables${scans.length ? ` (${[...new Set(scans)].join(", ")})` : ""}`,
        value: scans.length,
        unit: "",
        target: { kind: "atMost", limit: 0 },
      }),
    );
    log(`  ${page.name}: p50 ${s.p50.toFixed(2)} ms, p95 ${s.p95.toFixed(2)} ms, ${sent.length} statements, seq scans: ${scans.join(", ") || "none"}`);
  }
  const first = p95.get("staff queue, first page")!;
  for (const page of ["middle", "last"]) {
    const p = p95.get(`staff queue, ${page} page`)!;
    // "As fast as": within 2× (these are a few milliseconds; an offset-paginated last page would be hundreds of times slower).
    figures.push(figure({ name: `${prefix}: staff queue ${page} page p95 against its first page`, value: round(p), baseline: round(first), unit: "ms", target: { kind: "ratioAtMost", limit: 2 } }));
  }
  fs.rmSync(storageRoot, { recursive: true, force: true });
  return { figures, plans, queueSize };
}

const round = (ms: number) => Math.round(ms * 100) / 100;

/** The cursor that opens the queue's middle or last page (the same encoding as list-review-queue.ts: base64url JSON of dueAt, createdAt, id). */
async function queueCursor(url: string, branchId: string, where: "middle" | "last"): Promise<string> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ dueAt: Date | null; createdAt: Date; id: string }>(
      `SELECT "dueAt", "createdAt", id FROM "Request"
       WHERE "branchId" = $1 AND status = ANY($2::"RequestStatus"[]) AND kind IN ('DEPENDENT_ENROLMENT', 'QUESTION')
       ORDER BY "dueAt" ASC NULLS LAST, id ASC
       OFFSET GREATEST(0, (SELECT ${where === "last" ? "count(*) - 11" : "count(*) / 2"} FROM "Request" WHERE "branchId" = $1 AND status = ANY($2::"RequestStatus"[]))) LIMIT 1`,
      [branchId, [...OPEN_STATUSES]],
    );
    const row = rows[0]!;
    return Buffer.from(JSON.stringify({ d: row.dueAt?.toISOString() ?? null, c: row.createdAt.toISOString(), i: row.id })).toString("base64url");
  });
}
