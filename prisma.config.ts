// Prisma CLI configuration. Migrations are *authored* with `prisma migrate dev`
// against an embedded PGlite (no server needed) and *applied* by our own runner
// (lib/server/db/migrate.ts) on both engines. See
// docs/decisions/001-database-engines-and-migrations.md.
import fs from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";

// The CLI falls back to downloading a native engine when the datasource URL cannot
// be resolved; any value keeps it on the WebAssembly engine.
process.env.DATABASE_URL ??= "postgresql://localhost/unused";

type Queryable = {
  executeRaw: (query: { sql: string; args: unknown[] }) => Promise<number>;
};

/**
 * PGlite refuses several statements in one prepared statement, but Prisma's
 * schema engine replays whole migration files that way into its shadow database.
 * Route parameterless raw executions through PGlite.exec, which accepts scripts.
 */
function allowScripts<T extends Queryable>(target: T, db: PGlite): T {
  const original = target.executeRaw.bind(target);
  target.executeRaw = async (query) => {
    if (query.args.length === 0 && query.sql.includes(";")) {
      await db.exec(query.sql);
      return 0;
    }
    return original(query);
  };
  return target;
}

async function pgliteFactory(db: PGlite) {
  // The adapter is typed against an older driver-adapter-utils than Prisma 6.19's.
  const factory = new PrismaPGlite(db) as unknown as {
    connect: () => Promise<Queryable & Record<string, unknown>>;
  };
  const connect = factory.connect.bind(factory);
  return Object.assign(factory, {
    connect: async () => allowScripts(await connect(), db),
    connectToShadowDb: async () => {
      const shadow = new PGlite("memory://");
      const shadowFactory = new PrismaPGlite(shadow) as unknown as {
        connect: () => Promise<Queryable>;
      };
      return allowScripts(await shadowFactory.connect(), shadow);
    },
  });
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  adapter: async () => {
    const dir = path.join(process.env.DATA_DIR ?? "data", "prisma-authoring");
    fs.mkdirSync(dir, { recursive: true });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return (await pgliteFactory(new PGlite(dir))) as any;
  },
});
