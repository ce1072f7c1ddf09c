import "server-only";
import { createSmsSender } from "@/lib/adapters/sms/get-sms-sender";
import type { SmsMessageInput } from "@/lib/adapters/sms/sms-sender";
import { getConfig } from "@/lib/config";
import type { Db } from "@/lib/server/db/prisma";

/**
 * The one way use cases send a text message, so the provider choice and the
 * SmsMessage record stay in one place (recorded in the caller's database).
 * Throws AppError("SMS_UNAVAILABLE").
 */
export async function sendSms({ db, to, body, citizenId }: SmsMessageInput & { db: Db }): Promise<{ id: string }> {
  return createSmsSender(getConfig(), db).send({ to, body, citizenId });
}
