// Environment configuration, validated once with zod. Invalid configuration stops
// start-up with one line naming the variable (see ConfigError).
import path from "node:path";
import { z } from "zod";

const postgresUrl = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "postgresql:" || url.protocol === "postgres:") && url.hostname !== "";
    } catch {
      return false;
    }
  }, "must be a postgresql:// URL such as postgresql://user:pass@host:5432/dbname");

const emptyToUndefined = (value: unknown) => (value === "" ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyToUndefined, schema.optional());
const httpUrl = z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" });
const positiveInt = (fallback: number) =>
  z.preprocess(emptyToUndefined, z.coerce.number().int().positive().default(fallback));

export const ZEnv = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: optional(postgresUrl),
    DATA_DIR: z.preprocess(emptyToUndefined, z.string().default("data")),
    PORT: positiveInt(3000).pipe(z.number().max(65535)),
    CIVIL_REGISTRY_PROVIDER: z.preprocess(emptyToUndefined, z.enum(["mock", "http"]).default("mock")),
    CIVIL_REGISTRY_URL: optional(httpUrl),
    CIVIL_REGISTRY_API_KEY: optional(z.string()),
    CIVIL_REGISTRY_TIMEOUT_MS: positiveInt(5000),
    MOBILE_OWNERSHIP_PROVIDER: z.preprocess(emptyToUndefined, z.enum(["mock", "http"]).default("mock")),
    MOBILE_OWNERSHIP_URL: optional(httpUrl),
    MOBILE_OWNERSHIP_API_KEY: optional(z.string()),
    MOBILE_OWNERSHIP_TIMEOUT_MS: positiveInt(5000),
    REGISTRY_FIXTURE_PATH: optional(z.string()),
    SMS_PROVIDER: z.preprocess(emptyToUndefined, z.enum(["outbox", "http"]).default("outbox")),
    SMS_HTTP_URL: optional(httpUrl),
    SMS_HTTP_API_KEY: optional(z.string()),
    SMS_SENDER: z.preprocess(emptyToUndefined, z.string().default("1000")),
    SMS_TIMEOUT_MS: positiveInt(5000),
    STORAGE_PROVIDER: z.preprocess(emptyToUndefined, z.enum(["local"]).default("local")),
    STORAGE_DIR: optional(z.string()),
    NEXTAUTH_URL: optional(httpUrl),
    NEXTAUTH_SECRET: optional(z.string().min(32, "must be at least 32 characters")),
    SEED_DEMO: z.preprocess(emptyToUndefined, z.enum(["true", "false"]).default("true")),
    TRUST_PROXY: z.preprocess(emptyToUndefined, z.enum(["true", "false"]).default("false")),
  })
  .superRefine((env, ctx) => {
    const require = (when: boolean, key: keyof typeof env, because: string) => {
      if (when && !env[key]) ctx.addIssue({ code: "custom", path: [key], message: `is required when ${because}` });
    };
    require(env.CIVIL_REGISTRY_PROVIDER === "http", "CIVIL_REGISTRY_URL", "CIVIL_REGISTRY_PROVIDER=http");
    require(env.MOBILE_OWNERSHIP_PROVIDER === "http", "MOBILE_OWNERSHIP_URL", "MOBILE_OWNERSHIP_PROVIDER=http");
    require(env.SMS_PROVIDER === "http", "SMS_HTTP_URL", "SMS_PROVIDER=http");
  });

export type TEnv = z.infer<typeof ZEnv>;

export type AppConfig = TEnv & {
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
  const dataDir = path.resolve(/*turbopackIgnore: true*/ parsed.DATA_DIR);
  return {
    ...parsed,
    dataDir,
    storageDir: path.resolve(/*turbopackIgnore: true*/ parsed.STORAGE_DIR ?? path.join(dataDir, "uploads")),
    database: parsed.DATABASE_URL
      ? { engine: "postgres", url: parsed.DATABASE_URL }
      : { engine: "pglite", dataDir: path.join(dataDir, "pglite") },
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
