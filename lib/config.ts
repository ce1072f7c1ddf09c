// Environment configuration, validated once with zod. Invalid configuration stops
// start-up with one line naming the variable (see ConfigError).
import path from "node:path";
import { ZEnv, type TEnv } from "./env-schema";
import { productionProblems } from "./production-rules";



export type AppConfig = Omit<TEnv, "PORTAL_ENV" | "SEED_DEMO" | "MIGRATE_ON_START"> & {
  PORTAL_ENV: "production" | "demo";
  SEED_DEMO: "true" | "false";
  MIGRATE_ON_START: "true" | "false";
  /** Absolute data folder: the embedded database, uploads and generated secrets live here. */
  dataDir: string;
  storageDir: string;
  database: { engine: "postgres"; url: string } | { engine: "pglite"; dataDir: string };
};

export class ConfigError extends Error {
  constructor(readonly variable: string, detail: string) {
    super(`Invalid configuration: ${variable} ${detail}`);
    this.name = "ConfigError";
  }
}

/** Production refused to start: one line per setting (lib/production-rules.ts). */
export class ProductionConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.map((problem) => `Invalid configuration: ${problem}`).join("\n"));
    this.name = "ProductionConfigError";
  }
}

export function parseConfig(env: Record<string, string | undefined>): AppConfig {
  const result = ZEnv.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const variable = String(issue.path[0] ?? "environment");
    let detail = issue.message;
    if (issue.code === "invalid_value") detail = `must be one of: ${issue.values.join(", ")} (got "${env[variable]}")`;
    throw new ConfigError(variable, detail);
  }
  const parsed = result.data;
  const portalEnv = parsed.PORTAL_ENV ?? (parsed.NODE_ENV === "production" ? "production" : "demo");
  const demo = portalEnv === "demo";
  const problems = portalEnv === "production" ? productionProblems(parsed) : [];
  if (problems.length > 0) throw new ProductionConfigError(problems);
  const dataDir = path.resolve(/*turbopackIgnore: true*/ parsed.DATA_DIR);
  return {
    ...parsed,
    PORTAL_ENV: portalEnv,
    SEED_DEMO: parsed.SEED_DEMO ?? (demo ? "true" : "false"),
    MIGRATE_ON_START: parsed.MIGRATE_ON_START ?? (demo ? "true" : "false"),
    dataDir,
    storageDir: path.resolve(/*turbopackIgnore: true*/ parsed.STORAGE_DIR ?? path.join(/*turbopackIgnore: true*/ dataDir, "uploads")),
    database: parsed.DATABASE_URL
      ? { engine: "postgres", url: parsed.DATABASE_URL }
      : { engine: "pglite", dataDir: path.join(/*turbopackIgnore: true*/ dataDir, "pglite") },
  };
}

let cached: AppConfig | undefined;

/** The process configuration, parsed on first use. */
export function getConfig(): AppConfig {
  cached ??= parseConfig(process.env);
  return cached;
}

/** Tests change the environment between cases. */
export function resetConfigForTests() {
  cached = undefined;
}
