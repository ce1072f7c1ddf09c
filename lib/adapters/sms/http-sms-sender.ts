import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { describeHttpFailure, postJson } from "../http-json";
import type { SmsMessageInput, SmsSender } from "./sms-sender";

// Gateways differ on whether the id is a number or a string; we only store it.
const ZSendResponse = z.object({
  messageId: z.union([z.string().min(1), z.number()]).transform(String),
});

export type HttpSmsSenderOptions = {
  url: string;
  apiKey?: string;
  /** The sender number or line shown to the recipient. */
  sender: string;
  timeoutMs: number;
};

/**
 * `POST {url}` with `{ from, to, text }` and an `Idempotency-Key` header (the
 * outbox message's id), answering `{ messageId }`. A timed-out try may still
 * have been delivered: the gateway recognises the key on the next try and does
 * not send the text twice.
 */
export class HttpSmsSender implements SmsSender {
  constructor(private readonly options: HttpSmsSenderOptions) {}

  async send({ to, body, idempotencyKey }: SmsMessageInput): Promise<{ providerMessageId: string | null }> {
    const { url, apiKey, sender, timeoutMs } = this.options;
    const result = await postJson({
      url,
      body: { from: sender, to, text: body },
      schema: ZSendResponse,
      timeoutMs,
      apiKey,
      headers: { "idempotency-key": idempotencyKey },
    });
    if (result.ok) return { providerMessageId: result.data.messageId };
    throw new AppError("SMS_UNAVAILABLE", `SMS gateway: ${describeHttpFailure(result.failure)}`, {
      cause: result.failure.kind === "network" ? result.failure.cause : undefined,
    });
  }
}
