import "server-only";
import { ConfigError, type AppConfig } from "@/lib/config";
import { HttpSmsSender } from "./http-sms-sender";
import { OutboxSmsSender } from "./outbox-sms-sender";
import type { SmsSender } from "./sms-sender";

export function createSmsSender(config: AppConfig): SmsSender {
  switch (config.SMS_PROVIDER) {
    case "http":
      if (!config.SMS_HTTP_URL) throw new ConfigError("SMS_HTTP_URL", "is required when SMS_PROVIDER=http");
      return new HttpSmsSender({
        url: config.SMS_HTTP_URL,
        apiKey: config.SMS_HTTP_API_KEY,
        sender: config.SMS_SENDER,
        timeoutMs: config.SMS_TIMEOUT_MS,
      });
    case "outbox":
      return new OutboxSmsSender();
  }
}
