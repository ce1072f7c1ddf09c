import "server-only";
import type { Db } from "@/lib/server/db/prisma";
import type { SmsMessageInput, SmsSender } from "./sms-sender";

/**
 * Development and demo "gateway": messages are only stored, and staff or testers
 * read one-time codes from the outbox page instead of a phone.
 */
export class OutboxSmsSender implements SmsSender {
  constructor(private readonly db: Db) {}

  async send({ to, body, citizenId = null }: SmsMessageInput): Promise<{ id: string }> {
    return this.db.smsMessage.create({
      data: { to, body, citizenId, provider: "outbox", status: "SENT" },
      select: { id: true },
    });
  }
}
