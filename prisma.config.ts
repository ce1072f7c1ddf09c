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

type Factory = {
  provider: string;
  adapterName: string;
  connect: () => Promise<Queryable>;
  connectToShadowDb: () => Promise<Queryable>;
};

/** The driver adapter's factory; it is typed against an older driver-adapter-utils than Prisma 6.19's. */
const pgliteAdapter = (db: PGlite | null) => new PrismaPGlite(db as PGlite) as unknown as Factory;

/**
 * Opens the authoring database only when the CLI connects. `prisma -v`, which
 * `@prisma/client`'s postinstall runs on every `npm ci`, only reads the adapter's
 * name: had it opened the PGlite in an existing data directory, the process
 * would never exit and a second `npm ci` in the same checkout would hang.
 */
function lazyPgliteFactory(open: () => PGlite): Factory {
  let db: PGlite | undefined;
  const { provider, adapterName } = pgliteAdapter(null);
  return {
    provider,
    adapterName,
    connect: async () => {
      if (!db) {
        const opened = open();
        // The CLI never closes its adapter: closed when the command is done, the data
        // directory is left clean, and the next command can open it (an unclean one
        // keeps that next process from ever exiting).
        process.once("beforeExit", () => void opened.close());
        db = opened;
      }
      return allowScripts(await pgliteAdapter(db).connect(), db);
    },
    connectToShadowDb: async () => {
      const shadow = new PGlite("memory://");
      return allowScripts(await pgliteAdapter(shadow).connect(), shadow);
    },
  };
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  adapter: async () => {
    const factory = lazyPgliteFactory(() => {
      const dir = path.join(process.env.DATA_DIR ?? "data", "prisma-authoring");
      fs.mkdirSync(dir, { recursive: true });
      return new PGlite(dir);
    });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return factory as any;
  },
});
