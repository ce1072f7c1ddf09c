import "server-only";
import { getSmsSender } from "@/lib/adapters/sms/get-sms-sender";
import type { SmsMessageInput } from "@/lib/adapters/sms/sms-sender";

/**
 * The one way use cases send a text message, so the provider choice and the
 * SmsMessage record stay in one place. Throws AppError("SMS_UNAVAILABLE").
 */
export async function sendSms({ to, body }: SmsMessageInput): Promise<{ id: string }> {
  const sender = await getSmsSender();
  return sender.send({ to, body });
}
