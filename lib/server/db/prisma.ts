import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { PGlite } from "@electric-sql/pglite";
import { getConfig, type AppConfig } from "@/lib/config";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { openPglite } from "./sql-executor";

export type Db = PrismaClient;

type PrismaAdapter = NonNullable<ConstructorParameters<typeof PrismaClient>[0]>["adapter"];

/** The Prisma client for an open PGlite instance (tests pass their own in-memory one). */
export function prismaForPglite(db: PGlite): PrismaClient {
  // pglite-prisma-adapter is typed against an older driver-adapter-utils than Prisma 6.19.
  return new PrismaClient({ adapter: new PrismaPGlite(db) as unknown as PrismaAdapter });
}

export function prismaForPostgres(url: string, maxConnections = 10): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: maxConnections }) });
}

async function createClient(database: AppConfig["database"]): Promise<PrismaClient> {
  if (database.engine === "postgres") return prismaForPostgres(database.url);
  return prismaForPglite(await openPglite(database.dataDir));
}

const globalForPrisma = globalThis as { __prisma?: Promise<PrismaClient> };

/**
 * The process-wide Prisma client. Kept on globalThis because Next bundles the
 * instrumentation hook and each route separately, and PGlite allows one instance
 * per data folder.
 */
export function getDb(): Promise<PrismaClient> {
  globalForPrisma.__prisma ??= createClient(getConfig().database);
  return globalForPrisma.__prisma;
}
