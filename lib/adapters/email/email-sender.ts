export type EmailMessageInput = {
  /** The recipient's address, already normalised (trimmed, lower case). */
  to: string;
  subject: string;
  /** The plain-text part. */
  text: string;
  /** The HTML part (a complete Persian, right-to-left document). */
  html: string;
  /**
   * The message's id in the outbox: the Message-ID header's local part, the same
   * on every try, so a recipient's system can tell a repeated delivery.
   */
  idempotencyKey: string;
};

/**
 * Hands one email to a mail server; the outbox (lib/server/email) records what
 * happened. Throws AppError("EMAIL_UNAVAILABLE") when the server did not take it.
 */
export interface EmailSender {
  /** `providerMessageId` is the mail server's answer or id, kept for support staff. */
  send(message: EmailMessageInput): Promise<{ providerMessageId: string | null }>;
  /** Lets go of open connections, when the process stops. */
  close?(): void;
}
