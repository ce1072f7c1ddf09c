import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { AppError } from "@/lib/errors";
import type { EmailMessageInput, EmailSender } from "./email-sender";

export type SmtpEmailSenderOptions = {
  /** smtp://user:pass@host:587 (STARTTLS when offered) or smtps://host:465. */
  url: string;
  /** The From header, e.g. "سازمان تأمین اجتماعی <no-reply@example.ir>". */
  from: string;
  timeoutMs: number;
};

/**
 * Sends through an SMTP server with nodemailer: a multipart/alternative message
 * (plain text and HTML, UTF-8), its Message-ID made from the outbox id so every
 * try of one message carries the same one.
 */
export class SmtpEmailSender implements EmailSender {
  private readonly transport: Transporter;
  private readonly from: string;
  private readonly domain: string;

  constructor({ url, from, timeoutMs }: SmtpEmailSenderOptions) {
    this.transport = nodemailer.createTransport(url, {
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
    });
    this.from = from;
    this.domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? "localhost";
  }

  async send({ to, subject, text, html, idempotencyKey }: EmailMessageInput): Promise<{ providerMessageId: string | null }> {
    try {
      const info = await this.transport.sendMail({
        from: this.from,
        to,
        subject,
        text,
        html,
        messageId: `<${idempotencyKey}@${this.domain}>`,
        textEncoding: "base64",
      });
      if (info.rejected.length > 0) throw new Error(`recipient refused: ${String(info.response)}`);
      return { providerMessageId: info.messageId ?? null };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new AppError("EMAIL_UNAVAILABLE", `SMTP server: ${reason}`, { cause: error });
    }
  }

  close(): void {
    this.transport.close();
  }
}
