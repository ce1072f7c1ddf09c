import "server-only";
import { ConfigError, getConfig, type AppConfig } from "@/lib/config";
import { getDb, type Db } from "@/lib/server/db/prisma";
import { HttpSmsSender } from "./http-sms-sender";
import { OutboxSmsSender } from "./outbox-sms-sender";
import type { SmsSender } from "./sms-sender";

/** The configured SMS sender, writing to the process database. */
export async function getSmsSender(): Promise<SmsSender> {
  return createSmsSender(getConfig(), await getDb());
}

export function createSmsSender(config: AppConfig, db: Db): SmsSender {
  switch (config.SMS_PROVIDER) {
    case "http":
      if (!config.SMS_HTTP_URL) throw new ConfigError("SMS_HTTP_URL", "is required when SMS_PROVIDER=http");
      return new HttpSmsSender({
        db,
        url: config.SMS_HTTP_URL,
        apiKey: config.SMS_HTTP_API_KEY,
        sender: config.SMS_SENDER,
        timeoutMs: config.SMS_TIMEOUT_MS,
      });
    case "outbox":
      return new OutboxSmsSender(db);
  }
}
