import { afterEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { startStubServer, unusedUrl, type StubHandler, type StubServer } from "@/tests/support/stub-server";
import { HttpMobileOwnershipCheck } from "./http-mobile-ownership-check";

const query = { mobile: "09121234567", nationalId: "0012345679" };

let stub: StubServer | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

async function checkAnswering(handler: StubHandler, options: { apiKey?: string; timeoutMs?: number } = {}) {
  stub = await startStubServer(handler);
  return new HttpMobileOwnershipCheck({ baseUrl: stub.url, timeoutMs: options.timeoutMs ?? 2000, apiKey: options.apiKey });
}

async function unavailableError(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => {
      throw new Error("expected MOBILE_CHECK_UNAVAILABLE");
    },
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe("MOBILE_CHECK_UNAVAILABLE");
  return error as AppError;
}

describe("HttpMobileOwnershipCheck", () => {
  it.each([true, false])("returns the operator's answer (owner: %s)", async (owner) => {
    const check = await checkAnswering(() => ({ status: 200, json: { owner } }));
    expect(await check.isOwner(query)).toBe(owner);
    expect(stub!.requests).toEqual([expect.objectContaining({ method: "POST", path: "/mobile/ownership", json: query })]);
  });

  it("sends the API key as a bearer token", async () => {
    const check = await checkAnswering(() => ({ status: 200, json: { owner: true } }), { apiKey: "m-key" });
    await check.isOwner(query);
    expect(stub!.requests[0]!.headers.authorization).toBe("Bearer m-key");
  });

  it("is unavailable after two attempts that time out", async () => {
    const check = await checkAnswering(() => "hang", { timeoutMs: 200 });
    expect((await unavailableError(check.isOwner(query))).message).toMatch(/timed out \(2 attempts\)/);
    expect(stub!.requests).toHaveLength(2);
  });

  it("retries once after a 5xx", async () => {
    const check = await checkAnswering((_, attempt) => (attempt === 1 ? { status: 502 } : { status: 200, json: { owner: true } }));
    expect(await check.isOwner(query)).toBe(true);
    expect(stub!.requests).toHaveLength(2);
  });

  it("is unavailable after two 5xx answers", async () => {
    const check = await checkAnswering(() => ({ status: 500 }));
    expect((await unavailableError(check.isOwner(query))).message).toMatch(/HTTP 500 \(2 attempts\)/);
    expect(stub!.requests).toHaveLength(2);
  });

  it("is unavailable on a 404, which is no answer about ownership", async () => {
    const check = await checkAnswering(() => ({ status: 404 }));
    expect((await unavailableError(check.isOwner(query))).message).toMatch(/unexpected HTTP 404/);
    expect(stub!.requests).toHaveLength(1);
  });

  it("is unavailable on malformed JSON", async () => {
    const check = await checkAnswering(() => ({ status: 200, raw: "owner=true" }));
    expect((await unavailableError(check.isOwner(query))).message).toMatch(/not valid JSON/);
  });

  it("is unavailable when the answer is not a boolean, rather than guessing", async () => {
    const check = await checkAnswering(() => ({ status: 200, json: { owner: "true" } }));
    expect((await unavailableError(check.isOwner(query))).message).toMatch(/failed validation.*owner/);
  });

  it("is unavailable when it cannot connect", async () => {
    const check = new HttpMobileOwnershipCheck({ baseUrl: await unusedUrl(), timeoutMs: 1000 });
    expect((await unavailableError(check.isOwner(query))).message).toMatch(/network error/);
  });
});
