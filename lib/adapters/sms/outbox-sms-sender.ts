import "server-only";
import type { SmsMessageInput, SmsSender } from "./sms-sender";

/**
 * Development and demo "gateway": the message is only kept in the outbox, and
 * staff or testers read one-time codes from the outbox page instead of a phone.
 */
export class OutboxSmsSender implements SmsSender {
  async send(message: SmsMessageInput): Promise<{ providerMessageId: string | null }> {
    void message;
    return { providerMessageId: null };
  }
}
