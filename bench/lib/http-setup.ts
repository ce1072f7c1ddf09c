// What `npm run bench` and `npm run bench:profile` share to serve the portal
// for HTTP measurement: its environment, its database and the demo accounts.
import { databaseUrl, recreateDatabase, withClient } from "./databases";
import { signIn } from "./http";
import { DEMO_STAFF } from "@/lib/server/demo/demo-data";
import { httpSeedStatements } from "./seed-sql";
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
    // Demo adapters on a production build: the demo mode, said explicitly.
    PORTAL_ENV: "demo",
    NEXT_TELEMETRY_DISABLED: "1",
    // The benchmark's own build (next.config.js): in .next-bench, with the baseline page.
    BENCH_BUILD: "1",
  };
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
