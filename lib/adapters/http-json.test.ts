import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { describeHttpFailure, joinUrl, postJson, type HttpJsonFailure } from "./http-json";
import { startStubServer, unusedUrl, type StubHandler, type StubServer } from "@/tests/support/stub-server";

const ZAnswer = z.object({ value: z.number() });

let stub: StubServer | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

async function post(handler: StubHandler, extra: { apiKey?: string; timeoutMs?: number } = {}) {
  stub = await startStubServer(handler);
  return postJson({
    url: `${stub.url}/things`,
    body: { nationalId: "0012345679" },
    schema: ZAnswer,
    timeoutMs: extra.timeoutMs ?? 2000,
    apiKey: extra.apiKey,
  });
}

function failureOf(result: Awaited<ReturnType<typeof post>>): HttpJsonFailure {
  if (result.ok) throw new Error("expected a failure");
  return result.failure;
}

describe("postJson", () => {
  it("posts the JSON body and returns the validated answer", async () => {
    const result = await post(() => ({ status: 200, json: { value: 7, extra: "dropped" } }));
    expect(result).toEqual({ ok: true, status: 200, data: { value: 7 } });
    expect(stub!.requests).toHaveLength(1);
    expect(stub!.requests[0]).toMatchObject({
      method: "POST",
      path: "/things",
      json: { nationalId: "0012345679" },
      headers: { "content-type": "application/json" },
    });
  });

  it("sends the API key as a bearer token only when one is configured", async () => {
    await post(() => ({ status: 200, json: { value: 1 } }), { apiKey: "s3cret" });
    expect(stub!.requests[0]!.headers.authorization).toBe("Bearer s3cret");
    await stub!.close();

    await post(() => ({ status: 200, json: { value: 1 } }));
    expect(stub!.requests[0]!.headers.authorization).toBeUndefined();
  });

  it("gives up after two attempts when the server never answers", async () => {
    const started = Date.now();
    const result = await post(() => "hang", { timeoutMs: 200 });
    expect(failureOf(result)).toEqual({ kind: "timeout", attempts: 2 });
    expect(stub!.requests).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it("times out a server that sends headers and then stalls the body", async () => {
    const result = await post(() => "stall-body", { timeoutMs: 200 });
    expect(failureOf(result)).toEqual({ kind: "timeout", attempts: 2 });
    expect(stub!.requests).toHaveLength(2);
  });

  it("retries once after a 5xx and returns the second answer", async () => {
    const result = await post((_, attempt) => (attempt === 1 ? { status: 503 } : { status: 200, json: { value: 2 } }));
    expect(result).toEqual({ ok: true, status: 200, data: { value: 2 } });
    expect(stub!.requests).toHaveLength(2);
    expect(stub!.requests[1]!.json).toEqual({ nationalId: "0012345679" });
  });

  it("reports a server error after two 5xx answers", async () => {
    const result = await post(() => ({ status: 502, raw: "<html>bad gateway</html>" }));
    expect(failureOf(result)).toEqual({ kind: "server-error", status: 502, attempts: 2 });
    expect(stub!.requests).toHaveLength(2);
  });

  it("does not retry a 4xx", async () => {
    const result = await post(() => ({ status: 404, json: { error: "no such person" } }));
    expect(failureOf(result)).toEqual({ kind: "unexpected-status", status: 404 });
    expect(stub!.requests).toHaveLength(1);
  });

  it("does not follow redirects, which would resend the body elsewhere", async () => {
    const result = await post(() => ({ status: 307, raw: "" }));
    expect(failureOf(result)).toEqual({ kind: "unexpected-status", status: 307 });
    expect(stub!.requests).toHaveLength(1);
  });

  it("reports malformed JSON without retrying", async () => {
    const result = await post(() => ({ status: 200, raw: "{not json" }));
    expect(failureOf(result)).toEqual({ kind: "invalid-json", status: 200 });
    expect(stub!.requests).toHaveLength(1);
  });

  it("reports a body that fails the schema, naming the path but not the value", async () => {
    const result = await post(() => ({ status: 200, json: { value: "0012345679" } }));
    const failure = failureOf(result);
    expect(failure).toEqual({ kind: "invalid-body", status: 200, issues: ["value: invalid_type"] });
    expect(describeHttpFailure(failure)).not.toContain("0012345679");
  });

  it("retries once after a network error", async () => {
    const result = await postJson({ url: await unusedUrl(), body: {}, schema: ZAnswer, timeoutMs: 1000 });
    if (result.ok) throw new Error("expected a failure");
    expect(result.failure).toMatchObject({ kind: "network", attempts: 2 });
    expect(describeHttpFailure(result.failure)).toMatch(/^network error \(2 attempts\): .*ECONNREFUSED/);
  });
});

describe("describeHttpFailure", () => {
  it.each<[HttpJsonFailure, string]>([
    [{ kind: "timeout", attempts: 2 }, "timed out (2 attempts)"],
    [{ kind: "server-error", status: 500, attempts: 2 }, "server error HTTP 500 (2 attempts)"],
    [{ kind: "unexpected-status", status: 401 }, "unexpected HTTP 401"],
    [{ kind: "invalid-json", status: 200 }, "response is not valid JSON (HTTP 200)"],
    [{ kind: "invalid-body", status: 200, issues: ["a: x", "b: y"] }, "response failed validation (HTTP 200): a: x; b: y"],
  ])("describes %o", (failure, text) => {
    expect(describeHttpFailure(failure)).toBe(text);
  });
});

describe("joinUrl", () => {
  it.each([
    ["https://registry.example", "https://registry.example/persons/lookup"],
    ["https://registry.example/", "https://registry.example/persons/lookup"],
    ["https://gw.example/api/v2", "https://gw.example/api/v2/persons/lookup"],
    ["https://gw.example/api/v2/", "https://gw.example/api/v2/persons/lookup"],
  ])("joins %s", (base, expected) => {
    expect(joinUrl(base, "/persons/lookup")).toBe(expected);
  });
});
