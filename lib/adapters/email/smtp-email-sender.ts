import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { parseConnectionUrl } from "nodemailer/lib/shared";
import type SMTPPool from "nodemailer/lib/smtp-pool";
import { AppError } from "@/lib/errors";
import type { EmailMessageInput, EmailSender } from "./email-sender";

export type SmtpEmailSenderOptions = {
  /** smtp://user:pass@host:587 (STARTTLS when offered) or smtps://host:465. */
  url: string;
  /** The From header, e.g. "سازمان تأمین اجتماعی <no-reply@example.ir>". */
  from: string;
  timeoutMs: number;
};

/** Connections kept open to the relay by one process (nodemailer's default): what a relay usually allows a client. */
export const SMTP_MAX_CONNECTIONS = 5;

/**
 * Sends through an SMTP server with nodemailer: a multipart/alternative message
 * (plain text and HTML, UTF-8), its Message-ID made from the outbox id so every
 * try of one message carries the same one.
 *
 * Over a pool of at most SMTP_MAX_CONNECTIONS connections, each reused for the
 * next message: the delivery workers send ten messages at a time each, and one
 * connection per message would open (and log in, and negotiate TLS) twenty at
 * once. A connection idle for `timeoutMs` is closed, and one that fails is
 * replaced; the message it carried fails and is tried again by its job.
 */
export class SmtpEmailSender implements EmailSender {
  private readonly transport: Transporter;
  private readonly from: string;
  private readonly domain: string;

  constructor({ url, from, timeoutMs }: SmtpEmailSenderOptions) {
    // One object: given a URL, nodemailer takes its connection settings from the URL alone
    // (a second argument holds defaults for each message), so the timeouts go beside what it parses.
    const options: SMTPPool.Options = {
      ...parseConnectionUrl(url),
      pool: true,
      maxConnections: SMTP_MAX_CONNECTIONS,
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
    };
    this.transport = nodemailer.createTransport(options);
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

  /** Closes the pool's connections (a stopping process). */
  close(): void {
    this.transport.close();
  }
}
