import net from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { SMTPServer } from "smtp-server";
import { AppError } from "@/lib/errors";
import { renderNoticeEmail } from "@/lib/server/email/render-email";
import { boundaryOf, decodeWords, headersOf, partsOf } from "@/tests/support/mime";
import { SMTP_MAX_CONNECTIONS, SmtpEmailSender } from "./smtp-email-sender";

/** A port of this worktree's range (3615-3619): the offline SMTP server of the test. */
const PORT = Number(process.env.SMTP_TEST_PORT ?? 3615);

type Received = { from: string; to: string[]; raw: string; user?: string };

describe("SmtpEmailSender against an offline SMTP server", () => {
  let server: SMTPServer;
  const received: Received[] = [];
  let refuseRecipient = false;
  let connections = 0;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      onConnect(_session, callback) {
        connections++;
        callback();
      },
      disabledCommands: ["STARTTLS"],
      onAuth(auth, _session, callback) {
        if (auth.username === "portal" && auth.password === "secret") callback(null, { user: auth.username });
        else callback(new Error("Invalid username or password"));
      },
      onRcptTo(address, _session, callback) {
        if (refuseRecipient) callback(Object.assign(new Error("5.1.1 mailbox unavailable"), { responseCode: 550 }));
        else callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString("utf8"),
            user: session.user as string | undefined,
          });
          callback(null);
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(PORT, "127.0.0.1", () => resolve());
    });
  });
  afterEach(() => {
    received.length = 0;
    refuseRecipient = false;
    connections = 0;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const sender = (url = `smtp://portal:secret@127.0.0.1:${PORT}`) =>
    new SmtpEmailSender({ url, from: "سازمان تأمین اجتماعی <no-reply@tamin.example.ir>", timeoutMs: 5000 });

  it("delivers a UTF-8 Persian message with a plain-text and an HTML part, its Message-ID from the outbox id", async () => {
    const rendered = renderNoticeEmail({ kind: "REQUEST_RECEIVED", body: "درخواست شما با کد رهگیری ۱۲۳۴-۵۶۷-۸۹۰ ثبت شد." });
    const id = "6f1c9a52-0d3e-4c55-9d0a-1b2c3d4e5f60";
    const smtp = sender();
    const result = await smtp.send({ to: "maryam@example.ir", ...rendered, idempotencyKey: id });
    smtp.close();

    expect(result.providerMessageId).toBe(`<${id}@tamin.example.ir>`);
    expect(received).toHaveLength(1);
    const [mail] = received;
    expect(mail!.user).toBe("portal");
    expect(mail!.from).toBe("no-reply@tamin.example.ir");
    expect(mail!.to).toEqual(["maryam@example.ir"]);

    const headers = headersOf(mail!.raw);
    expect(headers["message-id"]).toBe(`<${id}@tamin.example.ir>`);
    expect(headers["subject"]).toMatch(/^=\?UTF-8\?/i);
    expect(decodeWords(headers["subject"]!)).toBe("درخواست شما ثبت شد | سازمان تأمین اجتماعی");
    expect(decodeWords(headers["from"]!)).toBe("سازمان تأمین اجتماعی <no-reply@tamin.example.ir>");
    expect(headers["to"]).toBe("maryam@example.ir");
    expect(headers["mime-version"]).toBe("1.0");
    const boundary = boundaryOf(headers);
    expect(boundary).toBeTruthy();

    const parts = partsOf(mail!.raw, boundary!);
    expect(parts.map((part) => part.headers["content-type"])).toEqual(["text/plain; charset=utf-8", "text/html; charset=utf-8"]);
    expect(parts[0]!.body).toBe(rendered.text);
    expect(parts[1]!.body).toBe(rendered.html);
    expect(parts[1]!.body).toContain('<html lang="fa" dir="rtl">');
  });

  it("sends the same Message-ID on every try of one message", async () => {
    const rendered = renderNoticeEmail({ kind: "PASSWORD_CHANGED", body: "گذرواژه شما تغییر کرد." });
    const smtp = sender();
    await smtp.send({ to: "a@example.ir", ...rendered, idempotencyKey: "11111111-2222-4333-8444-555555555555" });
    await smtp.send({ to: "a@example.ir", ...rendered, idempotencyKey: "11111111-2222-4333-8444-555555555555" });
    smtp.close();
    expect(received.map((mail) => headersOf(mail.raw)["message-id"])).toEqual([
      "<11111111-2222-4333-8444-555555555555@tamin.example.ir>",
      "<11111111-2222-4333-8444-555555555555@tamin.example.ir>",
    ]);
  });

  it("sends many messages at once over a few connections, each reused", async () => {
    const rendered = renderNoticeEmail({ kind: "REQUEST_RECEIVED", body: "درخواست شما ثبت شد." });
    const smtp = sender();
    // Two delivery workers' batches of ten, side by side, then one more message.
    const ids = Array.from({ length: 20 }, (_, i) => `11111111-2222-4333-8444-${String(i).padStart(12, "0")}`);
    await Promise.all(ids.map((id) => smtp.send({ to: "a@example.ir", ...rendered, idempotencyKey: id })));
    await smtp.send({ to: "a@example.ir", ...rendered, idempotencyKey: "11111111-2222-4333-8444-999999999999" });
    smtp.close();
    expect(received).toHaveLength(21);
    expect(new Set(received.map((mail) => headersOf(mail.raw)["message-id"])).size).toBe(21);
    expect(connections).toBeGreaterThan(0);
    expect(connections).toBeLessThanOrEqual(SMTP_MAX_CONNECTIONS);
  });

  it("closes a connection left idle for EMAIL_TIMEOUT_MS and opens another for the next message", async () => {
    const rendered = renderNoticeEmail({ kind: "PASSWORD_CHANGED", body: "گذرواژه شما تغییر کرد." });
    const smtp = new SmtpEmailSender({ url: `smtp://portal:secret@127.0.0.1:${PORT}`, from: "no-reply@tamin.example.ir", timeoutMs: 1000 });
    await smtp.send({ to: "a@example.ir", ...rendered, idempotencyKey: "11111111-2222-4333-8444-000000000001" });
    // Long enough for a loaded machine to finish the first message within the limit, and then to idle past it.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    await smtp.send({ to: "a@example.ir", ...rendered, idempotencyKey: "11111111-2222-4333-8444-000000000002" });
    smtp.close();
    expect(received).toHaveLength(2);
    expect(connections).toBe(2);
  });

  it("gives up on a server that never greets after EMAIL_TIMEOUT_MS, not nodemailer's default 30 s", async () => {
    // Accepts the connection and says nothing: a relay that hangs.
    const silent = net.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(3618, "127.0.0.1", () => resolve()));
    const smtp = new SmtpEmailSender({ url: "smtp://127.0.0.1:3618", from: "no-reply@tamin.example.ir", timeoutMs: 500 });
    const startedAt = Date.now();
    const error = await smtp
      .send({ to: "a@example.ir", subject: "s", text: "t", html: "<p>h</p>", idempotencyKey: "11111111-2222-4333-8444-555555555555" })
      .catch((caught: unknown) => caught);
    smtp.close();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
    silent.unref();
    expect((error as AppError).code).toBe("EMAIL_UNAVAILABLE");
    expect((error as AppError).message).toMatch(/SMTP server: .*(Timeout|[Gg]reeting)/);
    expect(Date.now() - startedAt).toBeLessThan(3000);
  });

  it.each([
    ["a refused recipient", () => (refuseRecipient = true), undefined, /SMTP server: .*550/],
    ["wrong credentials", () => undefined, `smtp://portal:wrong@127.0.0.1:${PORT}`, /SMTP server: .*Invalid username or password/],
    ["no server listening", () => undefined, "smtp://127.0.0.1:3619", /SMTP server: .*ECONNREFUSED/],
  ])("throws EMAIL_UNAVAILABLE with the reason after %s", async (_, arrange, url, reason) => {
    arrange();
    const smtp = sender(url);
    const error = await smtp
      .send({ to: "a@example.ir", subject: "s", text: "t", html: "<p>h</p>", idempotencyKey: "11111111-2222-4333-8444-555555555555" })
      .catch((caught: unknown) => caught);
    smtp.close();
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("EMAIL_UNAVAILABLE");
    expect((error as AppError).message).toMatch(reason);
    expect(received).toHaveLength(0);
  });
});
