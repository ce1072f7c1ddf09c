import { afterEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { startStubServer, type StubHandler, type StubServer } from "@/tests/support/stub-server";
import { HttpSmsSender } from "./http-sms-sender";

describe("HttpSmsSender", () => {
  let stub: StubServer | undefined;
  afterEach(async () => {
    await stub?.close();
    stub = undefined;
  });

  async function senderAnswering(handler: StubHandler, timeoutMs = 2000) {
    stub = await startStubServer(handler);
    return new HttpSmsSender({ url: `${stub.url}/send`, apiKey: "sms-key", sender: "10004000", timeoutMs });
  }

  const message = { to: "09121234567", body: "کد تأیید: ۴۴۲۱۹۰", idempotencyKey: "6f1c9a52-0d3e-4c55-9d0a-1b2c3d4e5f60" };

  it("posts from/to/text with the API key and the idempotency key, and returns the gateway's id", async () => {
    const sender = await senderAnswering(() => ({ status: 200, json: { messageId: "gw-7781" } }));
    expect(await sender.send(message)).toEqual({ providerMessageId: "gw-7781" });
    expect(stub!.requests).toEqual([
      expect.objectContaining({
        method: "POST",
        path: "/send",
        json: { from: "10004000", to: message.to, text: message.body },
        headers: expect.objectContaining({ authorization: "Bearer sms-key", "idempotency-key": message.idempotencyKey }),
      }),
    ]);
  });

  it("returns a numeric gateway id as text", async () => {
    const sender = await senderAnswering(() => ({ status: 200, json: { messageId: 123456789 } }));
    expect(await sender.send(message)).toEqual({ providerMessageId: "123456789" });
  });

  it("succeeds on the retry after a 5xx, with the same idempotency key both times", async () => {
    const sender = await senderAnswering((_, attempt) => (attempt === 1 ? { status: 503 } : { status: 200, json: { messageId: "gw-2" } }));
    expect(await sender.send(message)).toEqual({ providerMessageId: "gw-2" });
    expect(stub!.requests.map((request) => request.headers["idempotency-key"])).toEqual([message.idempotencyKey, message.idempotencyKey]);
  });

  it.each<[string, StubHandler, number, RegExp]>([
    ["two 5xx answers", () => ({ status: 500 }), 2, /server error HTTP 500 \(2 attempts\)/],
    ["a timeout on both attempts", () => "hang", 2, /timed out \(2 attempts\)/],
    ["a rejected API key", () => ({ status: 401 }), 1, /unexpected HTTP 401/],
    ["an answer without a messageId", () => ({ status: 200, json: { ok: true } }), 1, /failed validation.*messageId/],
  ])("throws SMS_UNAVAILABLE with the reason after %s", async (_, handler, attempts, reason) => {
    const sender = await senderAnswering(handler, 200);
    const error = await sender.send(message).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("SMS_UNAVAILABLE");
    expect((error as AppError).message).toMatch(reason);
    expect(stub!.requests).toHaveLength(attempts);
  });
});
