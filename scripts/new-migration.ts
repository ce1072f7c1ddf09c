// `npm run db:new-migration -- --name what-changed`: writes
// prisma/migrations/<UTC timestamp>_what_changed/migration.sql with the SQL that takes a
// database from the existing migrations to prisma/schema.prisma, then regenerates the client.
// The SQL is Prisma's own (`prisma migrate diff`, the migrations replayed into an embedded
// database); `prisma migrate dev --create-only` would do all of this but fails with this
// Prisma release (docs/offline-stack-notes.md). Read the SQL before committing it.
// `--schema` and `--migrations` point elsewhere (tests); the client is regenerated only
// for the repository's own schema.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { runCli } from "./cli";
import { migrationSlug, nextTimestamp } from "./migration-folder";

const root = path.resolve(import.meta.dirname, "..");
const EMPTY = "-- This is an empty migration.";

class NewMigrationError extends Error {}

function prisma(args: string[]) {
  const result = spawnSync(process.execPath, [path.join(root, "node_modules/prisma/build/index.js"), ...args], {
    cwd: root,
    env: { ...process.env, CHECKPOINT_DISABLE: "1" },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new NewMigrationError(`prisma ${args[0]} ${args[1] ?? ""} failed:\n${result.stderr.trim() || result.stdout.trim()}`);
  return result.stdout;
}

await runCli(async () => {
  const { values } = (() => {
    try {
      return parseArgs({ options: { name: { type: "string" }, schema: { type: "string" }, migrations: { type: "string" } } });
    } catch (error) {
      throw new NewMigrationError(`${(error as Error).message}. Usage: npm run db:new-migration -- --name what-changed`);
    }
  })();
  const slug = migrationSlug(values.name ?? "");
  if (!slug) throw new NewMigrationError('Name the migration: npm run db:new-migration -- --name what-changed');
  const schema = path.resolve(root, values.schema ?? "prisma/schema.prisma");
  const migrations = path.resolve(root, values.migrations ?? "prisma/migrations");

  const sql = prisma(["migrate", "diff", "--from-migrations", migrations, "--to-schema-datamodel", schema, "--script"]);
  if (sql.trim() === EMPTY) {
    console.log(`Nothing to write: ${path.relative(root, schema)} matches the migrations.`);
    return;
  }
  const folder = `${nextTimestamp(new Date(), fs.readdirSync(migrations))}_${slug}`;
  fs.mkdirSync(path.join(migrations, folder));
  fs.writeFileSync(path.join(migrations, folder, "migration.sql"), sql);
  console.log(`Wrote ${path.relative(root, path.join(migrations, folder, "migration.sql"))}: read it before committing.`);
  if (!values.schema) {
    prisma(["generate"]);
    console.log("Regenerated the Prisma client.");
  }
}, [NewMigrationError]);
