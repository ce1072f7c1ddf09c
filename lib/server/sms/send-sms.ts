import "server-only";
import { createSmsSender } from "@/lib/adapters/sms/get-sms-sender";
import { getConfig } from "@/lib/config";
import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/server/db/prisma";
import { deliverSms } from "./deliver-sms";

/**
 * A one-time code: the person is waiting for it, so it skips the queue and is
 * tried at once (recorded in the outbox like every message). When the gateway
 * does not take it the message is DEAD (an old code is no use later) and
 * AppError("SMS_UNAVAILABLE") tells the person to ask again. Every other
 * message goes through `queueSms`.
 */
export async function sendSms({ db, to, body, citizenId = null }: { db: Db; to: string; body: string; citizenId?: string | null }): Promise<{ id: string }> {
  const config = getConfig();
  const message = await db.smsMessage.create({
    data: { to, body, kind: "ONE_TIME_CODE", citizenId, provider: config.SMS_PROVIDER, status: "QUEUED" },
    select: { id: true },
  });
  const { outcome, error } = await deliverSms({
    db,
    sender: createSmsSender(config),
    messageId: message.id,
    finalAttempt: true,
    retryDelaySeconds: config.SMS_RETRY_DELAY_SECONDS,
  });
  if (outcome !== "sent") throw new AppError("SMS_UNAVAILABLE", error ?? "SMS not sent");
  return message;
}
