import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { PGlite } from "@electric-sql/pglite";
import { getConfig, type AppConfig } from "@/lib/config";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getMetrics } from "@/lib/server/observability/metrics";
import { observeAdapter, type QueryObserver } from "./observe-queries";
import { shareAdapter } from "./read-rows";
import { openPglite } from "./sql-executor";

export type Db = PrismaClient;

/** The client inside `db.$transaction(async (tx) => ...)`. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

type PrismaAdapter = NonNullable<ConstructorParameters<typeof PrismaClient>[0]>["adapter"];

/** Options for clients built by tests and the benchmark: `onQuery` sees every SQL statement sent. */
export type ClientOptions = { onQuery?: QueryObserver };

const withObserver = (adapter: PrismaAdapter, { onQuery }: ClientOptions): PrismaAdapter =>
  onQuery && adapter ? observeAdapter(adapter, onQuery) : adapter;

/** A client on `adapter` whose connected adapter `readRows` may use too (decision 025). */
function clientOn(adapter: NonNullable<PrismaAdapter>, options: ClientOptions): PrismaClient {
  const shared = shareAdapter(withObserver(adapter, options)!);
  const client = new PrismaClient({ adapter: shared.factory });
  shared.attach(client);
  return client;
}

/** The Prisma client for an open PGlite instance (tests pass their own in-memory one). */
export function prismaForPglite(db: PGlite, options: ClientOptions = {}): PrismaClient {
  // pglite-prisma-adapter is typed against an older driver-adapter-utils than Prisma 6.19.
  return clientOn(new PrismaPGlite(db) as unknown as NonNullable<PrismaAdapter>, options);
}

export function prismaForPostgres(url: string, maxConnections = 10, options: ClientOptions = {}): PrismaClient {
  return clientOn(new PrismaPg({ connectionString: url, max: maxConnections }), options);
}

// The server's own client times every statement for the metrics.
const timeQueries: QueryObserver = () => {
  const stop = getMetrics().dbQueryDuration.startTimer();
  return (outcome) => stop({ outcome });
};

async function createClient(config: AppConfig): Promise<PrismaClient> {
  const database = config.database;
  // Each server holds up to DATABASE_POOL_SIZE connections (to PgBouncer, in production).
  if (database.engine === "postgres") return prismaForPostgres(database.url, config.DATABASE_POOL_SIZE, { onQuery: timeQueries });
  return prismaForPglite(await openPglite(database.dataDir), { onQuery: timeQueries });
}

const globalForPrisma = globalThis as { __prisma?: Promise<PrismaClient> };

/**
 * The process-wide Prisma client. Kept on globalThis because Next bundles the
 * instrumentation hook and each route separately, and PGlite allows one instance
 * per data folder.
 */
export function getDb(): Promise<PrismaClient> {
  globalForPrisma.__prisma ??= createClient(getConfig());
  return globalForPrisma.__prisma;
}
