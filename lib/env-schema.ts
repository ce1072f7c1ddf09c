// The environment variables the portal reads, as one zod schema (the values'
// shapes and the settings that need each other). lib/config.ts turns them into
// the configuration, and lib/production-rules.ts refuses demo defaults in
// production; both take their types from here.
import { z } from "zod";
import { parseTrustProxy } from "@/lib/http/trust-proxy.mjs";

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
const trueFalse = z.enum(["true", "false"]);

/** The longest look-back of any rate limit, in hours: a rule's window plus its lock (lib/server/rate-limit/policies.ts). */
export const RATE_LIMIT_LOOK_BACK_HOURS = 2;
const YEAR_IN_HOURS = 366 * 24;
// How long a row that stopped working is kept before the retention job deletes it
// (lib/server/retention/run-retention.ts, SECURITY.md "What is kept and for how long").
const retentionHours = (fallback: number, min = 1) =>
  z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ error: "must be a whole number of hours" })
      .int("must be a whole number of hours")
      .min(min, min > 1 ? `must be at least ${min} hours: rate limits look back that far` : "must be at least 1 hour")
      .max(YEAR_IN_HOURS, `must be at most ${YEAR_IN_HOURS} hours (a year)`)
      .default(fallback),
  );
// An AES key as Next.js reads NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: base64 of 16, 24 or 32 bytes.
const aesKeyBase64 = z
  .string()
  .trim()
  .refine(
    (value) => /^[A-Za-z0-9+/]+={0,2}$/.test(value) && [16, 24, 32].includes(Buffer.from(value, "base64").length),
    "must be base64 of a 32-byte key (openssl rand -base64 32)",
  );

export const ZEnv = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    // Unset: production whenever NODE_ENV=production (every built server), so a
    // forgotten setting refuses to start instead of running the demo. `npm start`
    // sets demo. See lib/production-rules.ts.
    PORTAL_ENV: optional(z.enum(["production", "demo"])),
    DATABASE_URL: optional(postgresUrl),
    DATABASE_POOL_SIZE: positiveInt(10).pipe(z.number().max(500)),
    // Unset: true for the demo, false in production (migrations are a release step there).
    MIGRATE_ON_START: optional(trueFalse),
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
    // Tries of one queued text message before it is dead, and the first wait between
    // them (doubled after each failure): 8 and 30 s keep trying for about two hours.
    SMS_MAX_ATTEMPTS: positiveInt(8).pipe(z.number().max(20)),
    SMS_RETRY_DELAY_SECONDS: positiveInt(30).pipe(z.number().max(3600)),
    // Email notices (docs/decisions/018): outbox keeps them for /dev/outbox (the demo), smtp sends them.
    EMAIL_PROVIDER: z.preprocess(emptyToUndefined, z.enum(["outbox", "smtp"]).default("outbox")),
    SMTP_URL: optional(z.string().regex(/^smtps?:\/\/[^\s]+$/, "must be smtp://user:password@host:587 or smtps://host:465")),
    // The From header, e.g. "سازمان تأمین اجتماعی <no-reply@example.ir>".
    EMAIL_FROM: optional(z.string().trim().regex(/@[^@\s>]+>?$/, "must be an address, e.g. سازمان تأمین اجتماعی <no-reply@example.ir>")),
    EMAIL_TIMEOUT_MS: positiveInt(10_000),
    EMAIL_MAX_ATTEMPTS: positiveInt(8).pipe(z.number().max(20)),
    EMAIL_RETRY_DELAY_SECONDS: positiveInt(60).pipe(z.number().max(3600)),
    // What a web server does with the job queue (docs/decisions/027): run (take delivery jobs
    // and keep the schedules, as a worker does) or queue-only (write jobs; the workers run them).
    WEB_SERVER_JOBS: z.preprocess(emptyToUndefined, z.enum(["run", "queue-only"]).default("run")),
    STORAGE_PROVIDER: z.preprocess(emptyToUndefined, z.enum(["local", "s3"]).default("local")),
    STORAGE_DIR: optional(z.string()),
    S3_ENDPOINT: optional(httpUrl),
    S3_REGION: z.preprocess(emptyToUndefined, z.string().trim().min(1).default("us-east-1")),
    S3_BUCKET: optional(
      z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "must be an S3 bucket name (3-63 lowercase letters, digits, dots, hyphens)"),
    ),
    S3_ACCESS_KEY_ID: optional(z.string()),
    S3_SECRET_ACCESS_KEY: optional(z.string()),
    // MinIO, Ceph and most on-premises stores need path-style addresses (host/bucket/key).
    S3_FORCE_PATH_STYLE: z.preprocess(emptyToUndefined, trueFalse.default("false")),
    S3_KEY_PREFIX: z.preprocess(
      emptyToUndefined,
      z.string().regex(/^([A-Za-z0-9_-]+\/)*$/, "must be empty or folder names ending with / (e.g. documents/)").default("documents/"),
    ),
    S3_SSE: z.preprocess(emptyToUndefined, z.enum(["none", "AES256", "aws:kms"]).default("none")),
    S3_SSE_KMS_KEY_ID: optional(z.string()),
    S3_TIMEOUT_MS: positiveInt(10_000),
    NEXTAUTH_URL: optional(httpUrl),
    NEXTAUTH_SECRET: optional(z.string().min(32, "must be at least 32 characters")),
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: optional(aesKeyBase64),
    // Unset: true for the demo; it cannot be true in production.
    SEED_DEMO: optional(trueFalse),
    // Unset means "false" (no proxy) in the demo; production requires it set (lib/production-rules.ts).
    // What the values mean: lib/http/trust-proxy.mjs.
    TRUST_PROXY: optional(
      z.string().superRefine((value, ctx) => {
        try {
          parseTrustProxy(value);
        } catch (error) {
          ctx.addIssue({ code: "custom", message: (error as Error).message });
        }
      }),
    ),
    // Upload quotas per account (lib/server/uploads/upload-quota.ts).
    UPLOAD_FILES_PER_HOUR: positiveInt(30),
    UPLOAD_MB_PER_HOUR: positiveInt(60),
    UPLOAD_STAGED_MAX: positiveInt(10),
    // A citizen's look-ups of relatives in the civil registry an hour: misses, and all
    // (lib/server/dependents/check-dependent.ts; issue 17, finding 4).
    DEPENDENT_LOOKUP_MISSES_PER_HOUR: positiveInt(10),
    DEPENDENT_LOOKUPS_PER_HOUR: positiveInt(600),
    // Hours a row is kept after it stopped working: an expired registration draft, an
    // ended session, a used or expired one-time code, password reset or second-factor
    // sign-in step; and hours a rate-limit hit is kept after it was counted.
    RETENTION_DRAFTS_HOURS: retentionHours(24),
    RETENTION_SESSIONS_HOURS: retentionHours(24),
    RETENTION_ONE_TIME_CODES_HOURS: retentionHours(24),
    RETENTION_PASSWORD_RESETS_HOURS: retentionHours(24),
    RETENTION_SIGN_IN_CHALLENGES_HOURS: retentionHours(24),
    RETENTION_RATE_LIMIT_HITS_HOURS: retentionHours(24, RATE_LIMIT_LOOK_BACK_HOURS),
    BENCH_BASELINE: optional(z.string()),
    METRICS_TOKEN: optional(z.string().min(32, "must be at least 32 characters (openssl rand -hex 32)")),
    LOG_LEVEL: z.preprocess(emptyToUndefined, z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info")),
    SHUTDOWN_TIMEOUT_MS: positiveInt(10_000).pipe(z.number().max(600_000)),
  })
  .superRefine((env, ctx) => {
    const require = (when: boolean, key: keyof typeof env, because: string) => {
      if (when && !env[key]) ctx.addIssue({ code: "custom", path: [key], message: `is required when ${because}` });
    };
    require(env.CIVIL_REGISTRY_PROVIDER === "http", "CIVIL_REGISTRY_URL", "CIVIL_REGISTRY_PROVIDER=http");
    require(env.MOBILE_OWNERSHIP_PROVIDER === "http", "MOBILE_OWNERSHIP_URL", "MOBILE_OWNERSHIP_PROVIDER=http");
    require(env.SMS_PROVIDER === "http", "SMS_HTTP_URL", "SMS_PROVIDER=http");
    require(env.EMAIL_PROVIDER === "smtp", "SMTP_URL", "EMAIL_PROVIDER=smtp");
    require(env.EMAIL_PROVIDER === "smtp", "EMAIL_FROM", "EMAIL_PROVIDER=smtp");
    require(env.STORAGE_PROVIDER === "s3", "S3_BUCKET", "STORAGE_PROVIDER=s3");
    require(env.S3_ACCESS_KEY_ID !== undefined, "S3_SECRET_ACCESS_KEY", "S3_ACCESS_KEY_ID is set");
    require(env.S3_SECRET_ACCESS_KEY !== undefined, "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY is set");
    require(env.S3_SSE === "aws:kms", "S3_SSE_KMS_KEY_ID", "S3_SSE=aws:kms");
    // On the embedded database no worker can share it: the server must deliver itself.
    require(env.WEB_SERVER_JOBS === "queue-only", "DATABASE_URL", "WEB_SERVER_JOBS=queue-only (workers need a shared PostgreSQL)");
  });

export type TEnv = z.infer<typeof ZEnv>;
