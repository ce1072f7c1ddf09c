import { afterEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { startStubServer, unusedUrl, type StubHandler, type StubServer } from "@/tests/support/stub-server";
import type { RegistryPerson } from "./civil-registry";
import { HttpCivilRegistry } from "./http-civil-registry";

const maryam: RegistryPerson = {
  nationalId: "0012345679",
  firstName: "مریم",
  lastName: "احمدی",
  fatherName: "محمد",
  birthDate: "1365/11/30",
  gender: "female",
  isAlive: true,
  fatherNationalId: "0023456781",
  motherNationalId: null,
  spouseNationalId: null,
};
const query = { nationalId: maryam.nationalId, birthDate: maryam.birthDate };

let stub: StubServer | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

async function registryAnswering(handler: StubHandler, options: { apiKey?: string; timeoutMs?: number } = {}) {
  stub = await startStubServer(handler);
  return new HttpCivilRegistry({ baseUrl: `${stub.url}/`, timeoutMs: options.timeoutMs ?? 2000, apiKey: options.apiKey });
}

async function unavailableError(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => {
      throw new Error("expected REGISTRY_UNAVAILABLE");
    },
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe("REGISTRY_UNAVAILABLE");
  return error as AppError;
}

describe("HttpCivilRegistry", () => {
  it("posts the national ID and birth date and returns the person", async () => {
    const registry = await registryAnswering(() => ({ status: 200, json: { person: { ...maryam, mobile: "0912" } } }));
    expect(await registry.lookupPerson(query)).toEqual({ found: true, person: maryam });
    expect(stub!.requests).toEqual([
      expect.objectContaining({ method: "POST", path: "/persons/lookup", json: query }),
    ]);
  });

  it("sends the API key as a bearer token", async () => {
    const registry = await registryAnswering(() => ({ status: 200, json: { person: maryam } }), { apiKey: "k-123" });
    await registry.lookupPerson(query);
    expect(stub!.requests[0]!.headers.authorization).toBe("Bearer k-123");
  });

  it("reads 404 as not found, without retrying", async () => {
    const registry = await registryAnswering(() => ({ status: 404, json: { error: "not found" } }));
    expect(await registry.lookupPerson(query)).toEqual({ found: false });
    expect(stub!.requests).toHaveLength(1);
  });

  it("is unavailable after two attempts that time out", async () => {
    const registry = await registryAnswering(() => "hang", { timeoutMs: 200 });
    const error = await unavailableError(registry.lookupPerson(query));
    expect(error.message).toMatch(/timed out \(2 attempts\)/);
    expect(stub!.requests).toHaveLength(2);
  });

  it("retries once after a 5xx", async () => {
    const registry = await registryAnswering((_, attempt) =>
      attempt === 1 ? { status: 500 } : { status: 200, json: { person: maryam } },
    );
    expect(await registry.lookupPerson(query)).toEqual({ found: true, person: maryam });
    expect(stub!.requests).toHaveLength(2);
  });

  it("is unavailable after two 5xx answers", async () => {
    const registry = await registryAnswering(() => ({ status: 503 }));
    const error = await unavailableError(registry.lookupPerson(query));
    expect(error.message).toMatch(/HTTP 503 \(2 attempts\)/);
    expect(stub!.requests).toHaveLength(2);
  });

  it("is unavailable on malformed JSON", async () => {
    const registry = await registryAnswering(() => ({ status: 200, raw: "<html>maintenance</html>" }));
    expect((await unavailableError(registry.lookupPerson(query))).message).toMatch(/not valid JSON/);
  });

  it("is unavailable when the body does not match the schema, and names the field", async () => {
    const registry = await registryAnswering(() => ({
      status: 200,
      json: { person: { ...maryam, gender: "f", isAlive: "yes" } },
    }));
    const error = await unavailableError(registry.lookupPerson(query));
    expect(error.message).toMatch(/failed validation.*person\.gender.*person\.isAlive/);
  });

  it("is unavailable on another 4xx, such as a rejected API key", async () => {
    const registry = await registryAnswering(() => ({ status: 401 }));
    expect((await unavailableError(registry.lookupPerson(query))).message).toMatch(/unexpected HTTP 401/);
    expect(stub!.requests).toHaveLength(1);
  });

  it("is unavailable when it cannot connect", async () => {
    const registry = new HttpCivilRegistry({ baseUrl: await unusedUrl(), timeoutMs: 1000 });
    expect((await unavailableError(registry.lookupPerson(query))).message).toMatch(/network error/);
  });

  it("refuses an answer about a different person", async () => {
    const registry = await registryAnswering(() => ({
      status: 200,
      json: { person: { ...maryam, nationalId: "0098765432" } },
    }));
    expect((await unavailableError(registry.lookupPerson(query))).message).toMatch(/other than the one asked for/);
  });

  it("never puts the national ID into the error message", async () => {
    const registry = await registryAnswering(() => ({ status: 200, json: { person: { ...maryam, firstName: 5 } } }));
    const error = await unavailableError(registry.lookupPerson(query));
    expect(error.message).not.toContain(maryam.nationalId);
  });
});
