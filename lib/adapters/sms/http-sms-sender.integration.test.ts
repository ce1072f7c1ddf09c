import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/server/db/prisma";
import { createTestDatabase, testEngine, type TestDatabase } from "@/tests/support/test-database";
import { startStubServer, type StubHandler, type StubServer } from "../test-stub-server";
import { HttpSmsSender } from "./http-sms-sender";

describe(`HttpSmsSender on ${testEngine()}`, () => {
  let database: TestDatabase;
  let db: Db;
  let stub: StubServer | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.prisma();
  });
  afterAll(async () => {
    await database?.close();
  });
  beforeEach(async () => {
    await db.smsMessage.deleteMany();
  });
  afterEach(async () => {
    await stub?.close();
    stub = undefined;
  });

  async function senderAnswering(handler: StubHandler, timeoutMs = 2000) {
    stub = await startStubServer(handler);
    return new HttpSmsSender({ db, url: `${stub.url}/send`, apiKey: "sms-key", sender: "10004000", timeoutMs });
  }

  const message = { to: "09121234567", body: "کد تأیید: ۴۴۲۱۹۰" };

  it("posts from/to/text with the API key and records the message as sent", async () => {
    const sender = await senderAnswering(() => ({ status: 200, json: { messageId: "gw-7781" } }));
    const { id } = await sender.send(message);

    expect(stub!.requests).toEqual([
      expect.objectContaining({
        method: "POST",
        path: "/send",
        json: { from: "10004000", to: message.to, text: message.body },
        headers: expect.objectContaining({ authorization: "Bearer sms-key" }),
      }),
    ]);
    expect(await db.smsMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({
      ...message,
      provider: "http",
      status: "SENT",
      providerMessageId: "gw-7781",
      error: null,
    });
  });

  it("stores a numeric gateway id as text", async () => {
    const sender = await senderAnswering(() => ({ status: 200, json: { messageId: 123456789 } }));
    const { id } = await sender.send(message);
    expect((await db.smsMessage.findUniqueOrThrow({ where: { id } })).providerMessageId).toBe("123456789");
  });

  it("succeeds on the retry after a 5xx, recording one sent message", async () => {
    const sender = await senderAnswering((_, attempt) =>
      attempt === 1 ? { status: 503 } : { status: 200, json: { messageId: "gw-2" } },
    );
    await sender.send(message);
    expect(stub!.requests).toHaveLength(2);
    expect(await db.smsMessage.findMany({ select: { status: true, providerMessageId: true } })).toEqual([
      { status: "SENT", providerMessageId: "gw-2" },
    ]);
  });

  it.each<[string, StubHandler, number, RegExp]>([
    ["two 5xx answers", () => ({ status: 500 }), 2, /server error HTTP 500 \(2 attempts\)/],
    ["a timeout on both attempts", () => "hang", 2, /timed out \(2 attempts\)/],
    ["a rejected API key", () => ({ status: 401 }), 1, /unexpected HTTP 401/],
    ["an answer without a messageId", () => ({ status: 200, json: { ok: true } }), 1, /failed validation.*messageId/],
  ])("records a failed message and throws SMS_UNAVAILABLE after %s", async (_, handler, attempts, reason) => {
    const sender = await senderAnswering(handler, 200);
    const error = await sender.send(message).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("SMS_UNAVAILABLE");
    expect((error as AppError).message).toMatch(reason);
    expect(stub!.requests).toHaveLength(attempts);
    const rows = await db.smsMessage.findMany();
    expect(rows).toEqual([
      expect.objectContaining({ ...message, provider: "http", status: "FAILED", providerMessageId: null }),
    ]);
    expect(rows[0]!.error).toMatch(reason);
  });
});
