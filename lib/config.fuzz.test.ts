// Fuzzing of the environment schema: any environment either parses into valid
// settings or stops start-up with a ConfigError naming a variable; nothing
// else is thrown, and every valid environment parses.
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anyString, anyValue, codePoints, fuzz, fuzzFile, trickyString } from "@/tests/support/fuzz";
import { ConfigError, parseConfig } from "./config";
import { ZEnv } from "./env-schema";

fuzzFile("lib/config.ts");

const VARIABLES = Object.keys(ZEnv.shape);
const URL_KEYS = ["CIVIL_REGISTRY_URL", "MOBILE_OWNERSHIP_URL", "SMS_HTTP_URL", "NEXTAUTH_URL"] as const;
const TIMEOUT_KEYS = ["CIVIL_REGISTRY_TIMEOUT_MS", "MOBILE_OWNERSHIP_TIMEOUT_MS", "SMS_TIMEOUT_MS"] as const;

const protocolOf = (value: string) => {
  try {
    return new URL(value).protocol;
  } catch {
    return null;
  }
};
const isHttpUrl = (v: string) => ["http:", "https:"].includes(protocolOf(v) ?? "");
const isPostgresUrl = (v: string) => ["postgres:", "postgresql:"].includes(protocolOf(v) ?? "") && new URL(v).hostname !== "";

// Values worth trying for each variable: valid ones, near misses, and anything.
const valueFor: Record<string, fc.Arbitrary<string>> = {
  NODE_ENV: fc.constantFrom("development", "production", "test", "prod"),
  DATABASE_URL: fc.constantFrom("postgresql://u:p@db:5432/portal", " postgres://db/x ", "postgresql:///nohost", "mysql://db/x", "postgresql://"),
  PORT: fc.oneof(fc.integer({ min: -5, max: 70_000 }).map(String), fc.constantFrom("0x1F90", "1e3", " 80 ", "3000.5", "Infinity", "۳۰۰۰")),
  CIVIL_REGISTRY_PROVIDER: fc.constantFrom("mock", "http", "soap"),
  MOBILE_OWNERSHIP_PROVIDER: fc.constantFrom("mock", "http", "HTTP"),
  SMS_PROVIDER: fc.constantFrom("outbox", "http", "pigeon"),
  STORAGE_PROVIDER: fc.constantFrom("local", "s3"),
  SEED_DEMO: fc.constantFrom("true", "false", "1"),
  TRUST_PROXY: fc.constantFrom("true", "false", "yes", "2", "0", "10.0.0.0/8", "10.0.0.0/40"),
  PORTAL_ENV: fc.constantFrom("demo", "production", "prod"),
  NEXTAUTH_SECRET: fc.string({ minLength: 20, maxLength: 40 }),
  ...Object.fromEntries(URL_KEYS.map((k) => [k, fc.constantFrom("https://x.example/api", "http://10.0.0.1:8080", "ftp://x", "javascript:alert(1)", "http://", "//x")])),
  ...Object.fromEntries(TIMEOUT_KEYS.map((k) => [k, fc.oneof(fc.integer({ min: -1, max: 100_000 }).map(String), fc.constantFrom("1.5", "1e400", "abc"))])),
};
const envValue = (key: string) => fc.oneof({ arbitrary: valueFor[key] ?? anyString, weight: 3 }, { arbitrary: fc.constant(""), weight: 1 }, { arbitrary: fc.oneof(anyString, trickyString(20)), weight: 1 });
const env = fc.record(Object.fromEntries(VARIABLES.map((key) => [key, envValue(key)])), { requiredKeys: [] });

describe("ZEnv", () => {
  it("never throws; what it accepts has valid settings, with an empty value read as unset", () => {
    fuzz("ZEnv", fc.oneof({ arbitrary: env, weight: 5 }, { arbitrary: anyValue, weight: 1 }), (input) => {
      const result = ZEnv.safeParse(input);
      if (!result.success) return;
      const e = result.data;
      const raw = input as Record<string, unknown>;
      expect(["development", "production", "test"]).toContain(e.NODE_ENV);
      expect(Number.isInteger(e.PORT) && e.PORT >= 1 && e.PORT <= 65535).toBe(true);
      for (const key of TIMEOUT_KEYS) expect(Number.isSafeInteger(e[key]) && e[key] > 0).toBe(true);
      if (e.DATABASE_URL !== undefined) {
        expect(e.DATABASE_URL).toBe(e.DATABASE_URL.trim());
        expect(isPostgresUrl(e.DATABASE_URL)).toBe(true);
      }
      for (const key of URL_KEYS) if (e[key] !== undefined) expect(isHttpUrl(e[key])).toBe(true);
      if (e.NEXTAUTH_SECRET !== undefined) expect(codePoints(e.NEXTAUTH_SECRET)).toBeGreaterThanOrEqual(32);
      if (e.CIVIL_REGISTRY_PROVIDER === "http") expect(e.CIVIL_REGISTRY_URL).toBeTruthy();
      if (e.MOBILE_OWNERSHIP_PROVIDER === "http") expect(e.MOBILE_OWNERSHIP_URL).toBeTruthy();
      if (e.SMS_PROVIDER === "http") expect(e.SMS_HTTP_URL).toBeTruthy();
      for (const key of ["DATABASE_URL", "STORAGE_DIR", "NEXTAUTH_SECRET", ...URL_KEYS] as const) if (raw[key] === "" || raw[key] === undefined) expect(e[key]).toBeUndefined();
      if (raw.PORT === "" || raw.PORT === undefined) expect(e.PORT).toBe(3000);
      if (raw.DATA_DIR === "" || raw.DATA_DIR === undefined) expect(e.DATA_DIR).toBe("data");
    });
  });

  it("accepts every valid environment", () => {
    const httpUrl = fc.webUrl({ validSchemes: ["http", "https"] });
    const valid = fc.record(
      {
        NODE_ENV: fc.constantFrom("development", "production", "test"),
        DATABASE_URL: fc.constantFrom("postgresql://u:p@db:5432/portal", "postgres://db/x", ""),
        DATA_DIR: fc.string({ minLength: 1, maxLength: 20 }),
        PORT: fc.integer({ min: 1, max: 65535 }).map(String),
        CIVIL_REGISTRY_PROVIDER: fc.constant("http"),
        CIVIL_REGISTRY_URL: httpUrl,
        MOBILE_OWNERSHIP_PROVIDER: fc.constantFrom("mock", "http"),
        MOBILE_OWNERSHIP_URL: httpUrl,
        SMS_PROVIDER: fc.constantFrom("outbox", "http"),
        SMS_HTTP_URL: httpUrl,
        SMS_TIMEOUT_MS: fc.integer({ min: 1, max: 1_000_000 }).map(String),
        NEXTAUTH_SECRET: fc.string({ minLength: 32, maxLength: 64 }),
        SEED_DEMO: fc.constantFrom("true", "false"),
        TRUST_PROXY: fc.constantFrom("true", "false", "2", "127.0.0.1, 10.0.0.0/8"),
      },
      { requiredKeys: ["CIVIL_REGISTRY_PROVIDER", "CIVIL_REGISTRY_URL", "MOBILE_OWNERSHIP_URL", "SMS_HTTP_URL"] },
    );
    fuzz("ZEnv", valid, (input) => {
      const result = ZEnv.safeParse(input);
      expect(result.success).toBe(true);
      if (input.PORT) expect(result.data?.PORT).toBe(Number(input.PORT));
    });
  });
});

describe("parseConfig", () => {
  it("returns a consistent configuration or throws a ConfigError naming a variable, never anything else", () => {
    fuzz("parseConfig", fc.tuple(env, fc.dictionary(fc.string({ maxLength: 10 }), fc.option(anyString, { nil: undefined }), { maxKeys: 3 })), ([known, extra]) => {
      const input: Record<string, string | undefined> = { ...extra, ...known };
      let config: ReturnType<typeof parseConfig>;
      try {
        config = parseConfig(input);
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        const variable = (error as ConfigError).variable;
        expect([...VARIABLES, "environment"]).toContain(variable);
        expect((error as Error).message.startsWith(`Invalid configuration: ${variable} `)).toBe(true);
        return;
      }
      expect(path.isAbsolute(config.dataDir)).toBe(true);
      expect(path.isAbsolute(config.storageDir)).toBe(true);
      expect(config.database.engine).toBe(config.DATABASE_URL ? "postgres" : "pglite");
    });
  });
});
