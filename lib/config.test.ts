import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./config";

describe("parseConfig", () => {
  it("defaults to the embedded database, mock adapters and the SMS outbox", () => {
    const config = parseConfig({ DATA_DIR: "/tmp/portal-data" });
    expect(config.database).toEqual({ engine: "pglite", dataDir: "/tmp/portal-data/pglite" });
    expect(config.CIVIL_REGISTRY_PROVIDER).toBe("mock");
    expect(config.SMS_PROVIDER).toBe("outbox");
    expect(config.storageDir).toBe("/tmp/portal-data/uploads");
    expect(config.PORT).toBe(3000);
    expect(config.TRUST_PROXY).toBe("false");
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
    [{ PORT: "70000" }, "PORT"],
    [{ PORT: "abc" }, "PORT"],
    [{ NEXTAUTH_SECRET: "short" }, "NEXTAUTH_SECRET"],
    [{ TRUST_PROXY: "yes" }, "TRUST_PROXY"],
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

  it("names the allowed values of an unknown provider", () => {
    expect(() => parseConfig({ SMS_PROVIDER: "pigeon" })).toThrow(
      'Invalid configuration: SMS_PROVIDER must be one of: outbox, http (got "pigeon")',
    );
  });
});
