import "server-only";
import type { EmailMessageInput, EmailSender } from "./email-sender";

/**
 * Development and demo "mail server": the email is only kept in the outbox, and
 * testers read it (and its confirmation link) on /dev/outbox.
 */
export class OutboxEmailSender implements EmailSender {
  async send(message: EmailMessageInput): Promise<{ providerMessageId: string | null }> {
    void message;
    return { providerMessageId: null };
  }
}
