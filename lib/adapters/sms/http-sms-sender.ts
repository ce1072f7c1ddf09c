import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/server/db/prisma";
import { describeHttpFailure, postJson } from "../http-json";
import type { SmsMessageInput, SmsSender } from "./sms-sender";

// Gateways differ on whether the id is a number or a string; we only store it.
const ZSendResponse = z.object({
  messageId: z.union([z.string().min(1), z.number()]).transform(String),
});

export type HttpSmsSenderOptions = {
  db: Db;
  url: string;
  apiKey?: string;
  /** The sender number or line shown to the recipient. */
  sender: string;
  timeoutMs: number;
};

/**
 * `POST {url}` with `{ from, to, text }`, answering `{ messageId }`. Failed sends
 * are recorded too, so support staff can see why someone never got a code.
 *
 * A timed-out first attempt may still have been delivered, so the retry can send
 * a duplicate; for one-time codes a duplicate is better than nothing.
 */
export class HttpSmsSender implements SmsSender {
  constructor(private readonly options: HttpSmsSenderOptions) {}

  async send({ to, body, citizenId = null }: SmsMessageInput): Promise<{ id: string }> {
    const { db, url, apiKey, sender, timeoutMs } = this.options;
    const result = await postJson({ url, body: { from: sender, to, text: body }, schema: ZSendResponse, timeoutMs, apiKey });
    if (result.ok) {
      return db.smsMessage.create({
        data: { to, body, citizenId, provider: "http", status: "SENT", providerMessageId: result.data.messageId },
        select: { id: true },
      });
    }
    const reason = describeHttpFailure(result.failure);
    await db.smsMessage.create({
      data: { to, body, citizenId, provider: "http", status: "FAILED", error: reason },
      select: { id: true },
    });
    throw new AppError("SMS_UNAVAILABLE", `SMS gateway: ${reason}`, {
      cause: result.failure.kind === "network" ? result.failure.cause : undefined,
    });
  }
}
