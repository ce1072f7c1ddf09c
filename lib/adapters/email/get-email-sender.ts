import "server-only";
import { ConfigError, type AppConfig } from "@/lib/config";
import type { EmailSender } from "./email-sender";
import { OutboxEmailSender } from "./outbox-email-sender";
import { SmtpEmailSender } from "./smtp-email-sender";

export function createEmailSender(config: Pick<AppConfig, "EMAIL_PROVIDER" | "SMTP_URL" | "EMAIL_FROM" | "EMAIL_TIMEOUT_MS">): EmailSender {
  switch (config.EMAIL_PROVIDER) {
    case "smtp":
      if (!config.SMTP_URL) throw new ConfigError("SMTP_URL", "is required when EMAIL_PROVIDER=smtp");
      if (!config.EMAIL_FROM) throw new ConfigError("EMAIL_FROM", "is required when EMAIL_PROVIDER=smtp");
      return new SmtpEmailSender({ url: config.SMTP_URL, from: config.EMAIL_FROM, timeoutMs: config.EMAIL_TIMEOUT_MS });
    case "outbox":
      return new OutboxEmailSender();
  }
}
