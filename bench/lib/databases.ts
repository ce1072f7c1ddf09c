import pg from "pg";

/** The PostgreSQL server the benchmark uses: DATABASE_URL's server, or the local one. */
export function serverUrl(): string {
  return process.env.DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
}

/** URL of database `name` on the same server. */
export function databaseUrl(name: string): string {
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops and creates a benchmark database (only names starting with bench_), returning its URL. */
export async function recreateDatabase(name: string): Promise<string> {
  if (!/^bench_[a-z0-9_]+$/.test(name)) throw new Error(`refusing to recreate ${name}: benchmark databases are named bench_*`);
  const admin = new pg.Client({ connectionString: databaseUrl("postgres") });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  return databaseUrl(name);
}

export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
