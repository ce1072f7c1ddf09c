import { describe, expect, it } from "vitest";
import { ConfigError, ProductionConfigError, parseConfig } from "./config";

describe("parseConfig", () => {
  it("defaults to the embedded database, mock adapters and the SMS outbox", () => {
    const config = parseConfig({ DATA_DIR: "/tmp/portal-data" });
    expect(config.database).toEqual({ engine: "pglite", dataDir: "/tmp/portal-data/pglite" });
    expect(config.CIVIL_REGISTRY_PROVIDER).toBe("mock");
    expect(config.SMS_PROVIDER).toBe("outbox");
    expect(config.storageDir).toBe("/tmp/portal-data/uploads");
    expect(config.PORT).toBe(3000);
    expect(config.TRUST_PROXY).toBeUndefined();
    expect(config.PORTAL_ENV).toBe("demo");
  });

  it("uses PostgreSQL when DATABASE_URL is a postgresql URL", () => {
    const config = parseConfig({ DATABASE_URL: "postgresql://u:p@db.example:5432/portal" });
    expect(config.database).toEqual({ engine: "postgres", url: "postgresql://u:p@db.example:5432/portal" });
  });

  it("treats an empty value as unset", () => {
    expect(parseConfig({ DATABASE_URL: "", PORT: "" }).database.engine).toBe("pglite");
  });

  it.each([
    [{ DATABASE_URL: "mysql://localhost/db" }, "DATABASE_URL"],
    [{ DATABASE_URL: "not a url" }, "DATABASE_URL"],
    [{ SMS_PROVIDER: "pigeon" }, "SMS_PROVIDER"],
    [{ CIVIL_REGISTRY_PROVIDER: "soap" }, "CIVIL_REGISTRY_PROVIDER"],
    [{ CIVIL_REGISTRY_PROVIDER: "http" }, "CIVIL_REGISTRY_URL"],
    [{ SMS_PROVIDER: "http", SMS_HTTP_URL: "ftp://gateway" }, "SMS_HTTP_URL"],
    [{ EMAIL_PROVIDER: "smtp", EMAIL_FROM: "no-reply@example.ir" }, "SMTP_URL"],
    [{ EMAIL_PROVIDER: "smtp", SMTP_URL: "smtp://mail.example.ir" }, "EMAIL_FROM"],
    [{ SMTP_URL: "https://mail.example.ir" }, "SMTP_URL"],
    [{ PORT: "70000" }, "PORT"],
    [{ PORT: "abc" }, "PORT"],
    [{ NEXTAUTH_SECRET: "short" }, "NEXTAUTH_SECRET"],
    [{ TRUST_PROXY: "yes" }, "TRUST_PROXY"],
    [{ TRUST_PROXY: "0" }, "TRUST_PROXY"],
    [{ TRUST_PROXY: "10.0.0.0/33" }, "TRUST_PROXY"],
    [{ PORTAL_ENV: "staging" }, "PORTAL_ENV"],
    [{ RETENTION_SESSIONS_HOURS: "0" }, "RETENTION_SESSIONS_HOURS"],
    [{ RETENTION_DRAFTS_HOURS: "1.5" }, "RETENTION_DRAFTS_HOURS"],
    [{ RETENTION_ONE_TIME_CODES_HOURS: "a day" }, "RETENTION_ONE_TIME_CODES_HOURS"],
    [{ RETENTION_PASSWORD_RESETS_HOURS: "-1" }, "RETENTION_PASSWORD_RESETS_HOURS"],
    [{ RETENTION_SIGN_IN_CHALLENGES_HOURS: "9000" }, "RETENTION_SIGN_IN_CHALLENGES_HOURS"],
    [{ RETENTION_RATE_LIMIT_HITS_HOURS: "1" }, "RETENTION_RATE_LIMIT_HITS_HOURS"],
  ])("rejects %o naming %s", (env, variable) => {
    let error: unknown;
    try {
      parseConfig(env);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(variable);
    expect((error as Error).message).toMatch(new RegExp(`^Invalid configuration: ${variable} `));
    expect((error as Error).message).not.toContain("\n");
  });

  it("accepts a proxy count or the proxies' addresses", () => {
    for (const value of ["false", "true", "1", "3", "10.0.0.0/8, 192.168.1.10", "loopback", "::1"]) {
      expect(parseConfig({ TRUST_PROXY: value }).TRUST_PROXY).toBe(value);
    }
  });

  it("keeps what stopped working a day by default; each period is a whole number of hours up to a year", () => {
    expect(parseConfig({})).toMatchObject({
      RETENTION_DRAFTS_HOURS: 24,
      RETENTION_SESSIONS_HOURS: 24,
      RETENTION_ONE_TIME_CODES_HOURS: 24,
      RETENTION_PASSWORD_RESETS_HOURS: 24,
      RETENTION_SIGN_IN_CHALLENGES_HOURS: 24,
      RETENTION_RATE_LIMIT_HITS_HOURS: 24,
    });
    expect(parseConfig({ RETENTION_SESSIONS_HOURS: " 720 ", RETENTION_DRAFTS_HOURS: "" })).toMatchObject({ RETENTION_SESSIONS_HOURS: 720, RETENTION_DRAFTS_HOURS: 24 });
    expect(parseConfig({ RETENTION_ONE_TIME_CODES_HOURS: "1", RETENTION_RATE_LIMIT_HITS_HOURS: "2" })).toMatchObject({ RETENTION_ONE_TIME_CODES_HOURS: 1, RETENTION_RATE_LIMIT_HITS_HOURS: 2 });
    expect(parseConfig({ RETENTION_DRAFTS_HOURS: String(366 * 24) }).RETENTION_DRAFTS_HOURS).toBe(8784);
    expect(() => parseConfig({ RETENTION_DRAFTS_HOURS: "1.5" })).toThrow("Invalid configuration: RETENTION_DRAFTS_HOURS must be a whole number of hours");
    expect(() => parseConfig({ RETENTION_SESSIONS_HOURS: "0" })).toThrow("Invalid configuration: RETENTION_SESSIONS_HOURS must be at least 1 hour");
    expect(() => parseConfig({ RETENTION_DRAFTS_HOURS: "8785" })).toThrow("Invalid configuration: RETENTION_DRAFTS_HOURS must be at most 8784 hours (a year)");
    // A rate limit looks back up to two hours (a window and the lock after it).
    expect(() => parseConfig({ RETENTION_RATE_LIMIT_HITS_HOURS: "1" })).toThrow(
      "Invalid configuration: RETENTION_RATE_LIMIT_HITS_HOURS must be at least 2 hours: rate limits look back that far",
    );
  });

  it("names the allowed values of an unknown provider", () => {
    expect(() => parseConfig({ SMS_PROVIDER: "pigeon" })).toThrow(
      'Invalid configuration: SMS_PROVIDER must be one of: outbox, http (got "pigeon")',
    );
  });
});

describe("production mode", () => {
  const production = {
    NODE_ENV: "production",
    DATABASE_URL: "postgresql://portal:secret@db.example:5432/portal",
    NEXTAUTH_SECRET: "x".repeat(40),
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
    NEXTAUTH_URL: "https://es.example.ir",
    SMS_PROVIDER: "http",
    SMS_HTTP_URL: "https://sms.example.ir/send",
    EMAIL_PROVIDER: "smtp",
    SMTP_URL: "smtp://portal:secret@mail.example.ir:587",
    EMAIL_FROM: "سازمان تأمین اجتماعی <no-reply@example.ir>",
    CIVIL_REGISTRY_PROVIDER: "http",
    CIVIL_REGISTRY_URL: "https://registry.example.ir",
    MOBILE_OWNERSHIP_PROVIDER: "http",
    MOBILE_OWNERSHIP_URL: "https://mobile.example.ir",
    STORAGE_PROVIDER: "s3",
    S3_BUCKET: "portal-documents",
    TRUST_PROXY: "1",
  };
  const problemsOf = (env: Record<string, string | undefined>): string[] => {
    try {
      parseConfig(env);
      return [];
    } catch (error) {
      expect(error).toBeInstanceOf(ProductionConfigError);
      return (error as ProductionConfigError).message.split("\n");
    }
  };

  it("starts with every production setting, with the demo seed and start-up migrations off", () => {
    const config = parseConfig(production);
    expect(config.PORTAL_ENV).toBe("production");
    expect(config.SEED_DEMO).toBe("false");
    expect(config.MIGRATE_ON_START).toBe("false");
  });

  it("is the default of a production build, and the demo otherwise", () => {
    expect(parseConfig({ NODE_ENV: "test" }).PORTAL_ENV).toBe("demo");
    expect(parseConfig({ NODE_ENV: "production", PORTAL_ENV: "demo" }).PORTAL_ENV).toBe("demo");
    expect(parseConfig({ NODE_ENV: "production", PORTAL_ENV: "demo" }).SEED_DEMO).toBe("true");
    expect(parseConfig({ NODE_ENV: "production", PORTAL_ENV: "demo" }).MIGRATE_ON_START).toBe("true");
    expect(problemsOf({ NODE_ENV: "production" }).length).toBeGreaterThan(5);
    expect(problemsOf({ PORTAL_ENV: "production" }).length).toBeGreaterThan(5);
  });

  it.each([
    ["DATABASE_URL", { DATABASE_URL: "" }],
    ["NEXTAUTH_SECRET", { NEXTAUTH_SECRET: undefined }],
    ["NEXT_SERVER_ACTIONS_ENCRYPTION_KEY", { NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: undefined }],
    ["NEXTAUTH_URL", { NEXTAUTH_URL: undefined }],
    ["SMS_PROVIDER", { SMS_PROVIDER: "outbox" }],
    ["SMS_PROVIDER", { SMS_PROVIDER: undefined }],
    ["EMAIL_PROVIDER", { EMAIL_PROVIDER: "outbox" }],
    ["EMAIL_PROVIDER", { EMAIL_PROVIDER: undefined }],
    ["CIVIL_REGISTRY_PROVIDER", { CIVIL_REGISTRY_PROVIDER: "mock" }],
    ["MOBILE_OWNERSHIP_PROVIDER", { MOBILE_OWNERSHIP_PROVIDER: "mock" }],
    ["STORAGE_PROVIDER", { STORAGE_PROVIDER: "local" }],
    ["TRUST_PROXY", { TRUST_PROXY: undefined }],
    ["SEED_DEMO", { SEED_DEMO: "true" }],
    ["BENCH_BASELINE", { BENCH_BASELINE: "1" }],
  ])("refuses to start without a safe %s, in one line naming it", (setting, change) => {
    expect(problemsOf({ ...production, ...change })).toEqual([expect.stringMatching(new RegExp(`^Invalid configuration: ${setting} `))]);
  });

  it("prints one line per missing setting when nothing is configured", () => {
    const lines = problemsOf({ NODE_ENV: "production" });
    expect(lines.map((line) => line.split(" ")[2])).toEqual([
      "DATABASE_URL",
      "NEXTAUTH_SECRET",
      "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY",
      "NEXTAUTH_URL",
      "SMS_PROVIDER",
      "EMAIL_PROVIDER",
      "CIVIL_REGISTRY_PROVIDER",
      "MOBILE_OWNERSHIP_PROVIDER",
      "STORAGE_PROVIDER",
      "TRUST_PROXY",
    ]);
  });

  it("says what production needs when TRUST_PROXY is missing, and takes false as an explicit answer", () => {
    expect(problemsOf({ ...production, TRUST_PROXY: undefined })).toEqual([
      expect.stringMatching(/^Invalid configuration: TRUST_PROXY must be set explicitly in production/),
    ]);
    expect(parseConfig({ ...production, TRUST_PROXY: "false" }).PORTAL_ENV).toBe("production");
  });

  it.each([
    [{ NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: "not-base64!" }, "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY"],
    [{ NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: Buffer.alloc(20).toString("base64") }, "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY"],
    [{ STORAGE_PROVIDER: "s3", S3_BUCKET: undefined }, "S3_BUCKET"],
    [{ S3_BUCKET: "Not_A_Bucket" }, "S3_BUCKET"],
    [{ S3_ACCESS_KEY_ID: "AKIA" }, "S3_SECRET_ACCESS_KEY"],
    [{ S3_SSE: "aws:kms" }, "S3_SSE_KMS_KEY_ID"],
    [{ S3_KEY_PREFIX: "../x" }, "S3_KEY_PREFIX"],
    [{ DATABASE_POOL_SIZE: "0" }, "DATABASE_POOL_SIZE"],
    [{ MIGRATE_ON_START: "yes" }, "MIGRATE_ON_START"],
    [{ METRICS_TOKEN: "short" }, "METRICS_TOKEN"],
  ])("rejects the malformed setting %o before the production rules", (change, variable) => {
    expect(() => parseConfig({ ...production, ...change })).toThrow(new RegExp(`^Invalid configuration: ${variable} `));
  });

  it("lets web servers only queue jobs, on a shared PostgreSQL only", () => {
    expect(parseConfig({}).WEB_SERVER_JOBS).toBe("run");
    expect(parseConfig({ DATABASE_URL: "postgresql://u@db:5432/p", WEB_SERVER_JOBS: "queue-only" }).WEB_SERVER_JOBS).toBe("queue-only");
    expect(() => parseConfig({ WEB_SERVER_JOBS: "queue-only" })).toThrow(/^Invalid configuration: DATABASE_URL is required when WEB_SERVER_JOBS=queue-only/);
    expect(() => parseConfig({ WEB_SERVER_JOBS: "never" })).toThrow('Invalid configuration: WEB_SERVER_JOBS must be one of: run, queue-only (got "never")');
  });

  it("reads the pool size", () => {
    expect(parseConfig({}).DATABASE_POOL_SIZE).toBe(10);
    expect(parseConfig({ DATABASE_POOL_SIZE: "25" }).DATABASE_POOL_SIZE).toBe(25);
  });
});
