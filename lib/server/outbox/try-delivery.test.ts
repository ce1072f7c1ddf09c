import { Counter, Registry } from "prom-client";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { countedOutcomes } from "@/tests/support/counted-outcomes";
import { retryDelayMs, tryDelivery, type TryRecord } from "./try-delivery";

describe("retryDelayMs", () => {
  it("waits the first delay after one failure and doubles it after each further one", () => {
    expect([1, 2, 3, 4, 8].map((attempts) => retryDelayMs(attempts, 30) / 1000)).toEqual([30, 60, 120, 240, 3840]);
  });

  it("never waits more than a day", () => {
    expect(retryDelayMs(20, 3600)).toBe(24 * 60 * 60 * 1000);
  });
});

describe("tryDelivery", () => {
  const at = new Date("2026-12-06T10:00:00.000Z");
  /** One try against a provider that answers `answer`: what it returned, wrote and counted. */
  async function attempt({
    message = { status: "QUEUED", attempts: 0 },
    answer = () => Promise.resolve({ providerMessageId: "p-1" }),
    finalAttempt = false,
  }: {
    message?: { status: string; attempts: number } | null;
    answer?: () => Promise<{ providerMessageId: string | null }>;
    finalAttempt?: boolean;
  }) {
    const counter = new Counter({ name: "tries_total", help: "tries", labelNames: ["outcome"] as const, registers: [new Registry()] });
    const records: TryRecord[] = [];
    const sent: unknown[] = [];
    const result = await tryDelivery({
      message,
      send: (m) => (sent.push(m), answer()),
      record: async (data) => void records.push(data),
      finalAttempt,
      retryDelaySeconds: 30,
      now: () => at,
      counter,
    });
    return { result, records, sent, counted: await countedOutcomes(counter) };
  }

  it("records a message the provider took as sent, with the provider's id, and counts it", async () => {
    const message = { status: "FAILED", attempts: 2 };
    expect(await attempt({ message })).toEqual({
      result: { outcome: "sent" },
      records: [{ status: "SENT", attempts: 3, providerMessageId: "p-1", error: null, sentAt: at, nextAttemptAt: null }],
      sent: [message],
      counted: { sent: 1 },
    });
  });

  it("records a refused try as failed, with the provider's answer and the next try after the backoff", async () => {
    const { result, records, counted } = await attempt({ message: { status: "FAILED", attempts: 1 }, answer: () => Promise.reject(new AppError("SMS_UNAVAILABLE", "HTTP 503")) });
    expect(result).toEqual({ outcome: "failed", error: "HTTP 503" });
    expect(records).toEqual([{ status: "FAILED", attempts: 2, error: "HTTP 503", nextAttemptAt: new Date(at.getTime() + 60_000) }]);
    expect(counted).toEqual({ failed: 1 });
  });

  it("makes the message dead when its last try is refused, with no next try", async () => {
    const { result, records, counted } = await attempt({ finalAttempt: true, answer: () => Promise.reject(new AppError("EMAIL_UNAVAILABLE", "451")) });
    expect(result).toEqual({ outcome: "dead", error: "451" });
    expect(records).toEqual([{ status: "DEAD", attempts: 1, error: "451", nextAttemptAt: null }]);
    expect(counted).toEqual({ dead: 1 });
  });

  it("leaves a message alone that is gone, sent or dead: a second job for it sends nothing", async () => {
    for (const message of [null, { status: "SENT", attempts: 1 }, { status: "DEAD", attempts: 5 }]) {
      expect(await attempt({ message })).toEqual({ result: { outcome: "done-already" }, records: [], sent: [], counted: {} });
    }
  });

  it("throws an error that is not the provider's answer (a bug) without recording a try", async () => {
    const bug = new TypeError("cannot read properties of undefined");
    const records: TryRecord[] = [];
    const counter = new Counter({ name: "tries_total", help: "tries", labelNames: ["outcome"] as const, registers: [new Registry()] });
    const send = () => Promise.reject(bug);
    await expect(tryDelivery({ message: { status: "QUEUED", attempts: 0 }, send, record: async (data) => void records.push(data), finalAttempt: true, retryDelaySeconds: 30, now: () => at, counter })).rejects.toBe(bug);
    expect(records).toEqual([]);
    expect(await countedOutcomes(counter)).toEqual({});
  });
});
