export type SmsMessageInput = {
  /** 09XXXXXXXXX, ASCII digits, already normalised. */
  to: string;
  body: string;
  /**
   * The message's id in the outbox. Every try of one message carries the same
   * key, so a gateway that saw it already does not send it again.
   */
  idempotencyKey: string;
};

/**
 * Hands one text message to a gateway; the outbox (lib/server/sms) records what
 * happened. Throws AppError("SMS_UNAVAILABLE") when the gateway did not take it.
 */
export interface SmsSender {
  /** `providerMessageId` is the gateway's own id, kept for support staff. */
  send(message: SmsMessageInput): Promise<{ providerMessageId: string | null }>;
}
