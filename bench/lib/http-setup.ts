// What `npm run bench` and `npm run bench:profile` share to serve the portal
// for HTTP measurement: its environment, its database and the demo accounts.
import { databaseUrl, recreateDatabase, withClient } from "./databases";
import { actionFormFields } from "./html";
import { QUESTION_FILED_STATUS, QUESTION_FORM_PATH, signIn } from "./http";
import { DEMO_STAFF } from "@/lib/server/demo/demo-data";
import { FIRST_SEEDED_ENROLMENT, httpSeedStatements } from "./seed-sql";
import { setUpDatabase, type ServerEnv } from "./server";

export const HTTP_DATABASE = "bench_http";
const DEMO_PASSWORD = "Tamin-Demo-1405";

/** The environment of the server under test (demo adapters, database bench_http). */
export function httpServerEnv({ port, dataDir }: { port: number; dataDir: string }): ServerEnv {
  return {
    DATABASE_URL: databaseUrl(HTTP_DATABASE),
    DATA_DIR: dataDir,
    NEXTAUTH_SECRET: "bench-only-secret-bench-only-secret-0000",
    NEXTAUTH_URL: `http://localhost:${port}`,
    SMS_PROVIDER: "outbox",
    CIVIL_REGISTRY_PROVIDER: "mock",
    MOBILE_OWNERSHIP_PROVIDER: "mock",
    SEED_DEMO: "true",
    // As a cluster's web server runs (docs/decisions/027): it writes jobs, a worker elsewhere takes them.
    // No worker runs beside it: delivering the outbox is not a page's cost.
    WEB_SERVER_JOBS: "queue-only",
    // Demo adapters on a production build: the demo mode, said explicitly.
    PORTAL_ENV: "demo",
    NEXT_TELEMETRY_DISABLED: "1",
    // The benchmark's own build (next.config.js): in .next-bench, with the baseline page.
    BENCH_BUILD: "1",
  };
}

/** Whether bench_http exists with all its data (made by an earlier run): its last seeded row is there. */
export async function httpDatabaseReady(env: ServerEnv): Promise<boolean> {
  try {
    return await withClient(env.DATABASE_URL!, async (c) => (await c.query(`SELECT 1 FROM "Request" WHERE "trackingCode" = $1`, [FIRST_SEEDED_ENROLMENT])).rowCount === 1);
  } catch {
    return false;
  }
}

/** bench_http afresh: migrations, the demo data and the extra requests of bench/README.md; the set-up's seconds. */
export async function recreateHttpDatabase(env: ServerEnv): Promise<number> {
  await recreateDatabase(HTTP_DATABASE);
  const seconds = setUpDatabase(env);
  await withClient(env.DATABASE_URL!, async (client) => {
    for (const step of httpSeedStatements()) await client.query(step.sql);
  });
  return seconds;
}

/** The baseline page's address: branch 1201 read by primary key. */
export async function baselinePath(env: ServerEnv): Promise<string> {
  const branchId = await withClient(env.DATABASE_URL!, async (c) => (await c.query<{ id: string }>(`SELECT id FROM "Branch" WHERE code = '1201'`)).rows[0]!.id);
  return `/bench/baseline/${branchId}`;
}

/** Signs in once each as the benchmark's demo accounts; their Cookie headers. */
export async function signInDemoAccounts(baseUrl: string): Promise<{ citizen: string; submitter: string; staff: string }> {
  return {
    citizen: await signIn(baseUrl, "/login", { nationalId: "0012345679", password: DEMO_PASSWORD }),
    submitter: await signIn(baseUrl, "/login", { nationalId: "7198108121", password: DEMO_PASSWORD }),
    staff: await signIn(baseUrl, "/staff/login", { personnelCode: "120101", password: DEMO_PASSWORD }, DEMO_STAFF.find((s) => s.personnelCode === "120101")!.totpSecret!),
  };
}

/** A request of branch 1201 as its officer reviews it: the open enrolment request with the most history (the fullest page). */
export async function staffRequestPath(env: ServerEnv): Promise<string> {
  const id = await withClient(env.DATABASE_URL!, async (c) => {
    const { rows } = await c.query<{ id: string }>(
      `SELECT r.id FROM "Request" r JOIN "Branch" b ON b.id = r."branchId"
       WHERE b.code = '1201' AND r.status IN ('SUBMITTED', 'IN_REVIEW')
       ORDER BY (r.kind = 'DEPENDENT_ENROLMENT') DESC, (SELECT count(*) FROM "RequestEvent" e WHERE e."requestId" = r.id) DESC, r.id LIMIT 1`,
    );
    return rows[0]?.id;
  });
  if (!id) throw new Error("no open request in branch 1201 for the staff request page");
  return `/staff/requests/${id}`;
}

/**
 * The registration draft cookie of someone past step 1 (a person of the demo
 * registry with no account), posted as a browser without JavaScript does, so
 * that step 2 can be measured.
 */
export async function registrationDraftCookie(baseUrl: string): Promise<string> {
  const html = await (await fetch(`${baseUrl}/register/national-id`)).text();
  const form = new FormData();
  for (const [name, value] of actionFormFields(html, "nationalId")) form.append(name, value);
  form.append("nationalId", "6658477736");
  const res = await fetch(`${baseUrl}/register/national-id`, { method: "POST", body: form, redirect: "manual", headers: { origin: baseUrl } });
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith("tamin.registration="));
  if (res.status !== 303 || !cookie || !res.headers.get("location")?.endsWith("/register/mobile")) {
    throw new Error(`registration step 1 answered ${res.status} ${res.headers.get("location") ?? ""}, not the way to step 2`);
  }
  return cookie.split(";")[0]!;
}

export type PageTarget = {
  pathname: string;
  who: string | undefined;
  headers: Record<string, string>;
  /** A form posted instead of a page read: each request files anew (`question-post`). */
  post?: () => { body: string; contentType: string };
  expectStatus?: number;
};

/**
 * A page named on the command line of `bench:profile` or `bench:compare`:
 * `path` or `path@who` (who: citizen, submitter, staff or registrant), or
 * `baseline`, or `staff-request@staff` (the benchmark's staff request page),
 * or `question-post@submitter` (the question form filed, as the benchmark's
 * last row; only where the caller has built its body: `questionPost`).
 */
export function pageTarget(
  arg: string,
  { cookies, baseline, staffRequest, questionPost }: { cookies: Record<string, string>; baseline: string; staffRequest: string; questionPost?: () => { body: string; contentType: string } },
): PageTarget {
  const [name, who] = arg.split("@");
  if (who && !cookies[who]) throw new Error(`unknown user ${who}: citizen, submitter, staff or registrant`);
  const headers: Record<string, string> = who ? { cookie: cookies[who]! } : {};
  if (name === "question-post") {
    if (!who) throw new Error("question-post needs someone signed in to file it: question-post@submitter");
    if (!questionPost) throw new Error("question-post is measured by bench:profile only");
    return { pathname: QUESTION_FORM_PATH, who, headers, post: questionPost, expectStatus: QUESTION_FILED_STATUS };
  }
  const pathname = name === "baseline" ? baseline : name === "staff-request" ? staffRequest : name!;
  return { pathname, who, headers };
}
