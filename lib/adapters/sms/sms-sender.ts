export type SmsMessageInput = {
  /** 09XXXXXXXXX, ASCII digits, already normalised. */
  to: string;
  body: string;
  /** The account the message concerns: it is listed in that person's messages. */
  citizenId?: string | null;
};

/**
 * Sends one text message. Every implementation records the message in
 * SmsMessage; `id` is that row's id. Throws AppError("SMS_UNAVAILABLE") when the
 * message could not be handed to the gateway.
 */
export interface SmsSender {
  send(message: SmsMessageInput): Promise<{ id: string }>;
}
