import crypto from "node:crypto";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { parseConfig, resetConfigForTests } from "@/lib/config";
import type { Db } from "@/lib/server/db/prisma";
import { SmsKind } from "@/lib/generated/prisma/enums";
import { startMessageDelivery, type RunningDelivery } from "@/lib/server/jobs/job-queue";
import { getMetrics } from "@/lib/server/observability/metrics";
import { deleteExpiredEmailLinks } from "@/lib/server/retention/delete-expired-email-links";
import { queueSms, queueSmsOnce } from "@/lib/server/sms/queue-sms";
import { sendSms } from "@/lib/server/sms/send-sms";
import { countedOutcomes, countedSince } from "@/tests/support/counted-outcomes";
import { createTestDatabase, testEngine, type TestDatabase } from "@/tests/support/test-database";
import { confirmEmail } from "./confirm-email";
import { resendEmailVerification } from "./resend-email-verification";
import { setCitizenEmail } from "./set-citizen-email";
import { setEmailNotices } from "./set-email-notices";

/** This worktree's ports 3616-3617: an offline SMTP server per engine, so the two runs can overlap. */
const SMTP_PORT = testEngine() === "postgres" ? 3617 : 3616;
const LINK_BASE = "https://es.example.ir";
const HOUR = 3600_000;

// docs/decisions/018: on PostgreSQL the emails go through pg-boss in the test database,
// on the embedded database through the server's delivery loop.
describe(`email channel on ${testEngine()}`, () => {
  let database: TestDatabase;
  let db: Db;
  let smtp: SMTPServer;
  let smtpUp = true;
  /** Message-IDs the SMTP server accepted, with how many times each. */
  const accepted = new Map<string, number>();
  /** Every try that reached the server's DATA or was refused at RCPT, in order. */
  let tries = 0;
  let delivery: RunningDelivery | undefined;
  const saved = { ...process.env };

  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.prisma();
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onRcptTo(_address, _session, callback) {
        tries++;
        if (!smtpUp) callback(Object.assign(new Error("4.3.2 try again later"), { responseCode: 451 }));
        else callback();
      },
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          const id = /^Message-ID: <([^@>]+)@/im.exec(Buffer.concat(chunks).toString("utf8"))?.[1] ?? "none";
          accepted.set(id, (accepted.get(id) ?? 0) + 1);
          callback(null);
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      smtp.once("error", reject);
      smtp.listen(SMTP_PORT, "127.0.0.1", () => resolve());
    });
    // queueSms reads the process's configuration for the provider names.
    Object.assign(process.env, { EMAIL_PROVIDER: "smtp", SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`, EMAIL_FROM: "no-reply@tamin.example.ir" });
    resetConfigForTests();
  });
  afterEach(async () => {
    await delivery?.stop();
    delivery = undefined;
    await db.emailMessage.deleteMany();
    await db.smsMessage.deleteMany();
    await db.emailVerification.deleteMany();
    await db.citizenAccount.deleteMany();
    await db.rateLimitHit.deleteMany();
    accepted.clear();
    tries = 0;
    smtpUp = true;
  });
  afterAll(async () => {
    process.env = saved;
    resetConfigForTests();
    await new Promise<void>((resolve) => smtp?.close(() => resolve()));
    await database?.close();
  });

  const start = (maxAttempts: number) =>
    startMessageDelivery({
      config: parseConfig({
        ...(database.url ? { DATABASE_URL: database.url } : {}),
        EMAIL_PROVIDER: "smtp",
        SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
        EMAIL_FROM: "no-reply@tamin.example.ir",
        EMAIL_TIMEOUT_MS: "5000",
        EMAIL_MAX_ATTEMPTS: String(maxAttempts),
        EMAIL_RETRY_DELAY_SECONDS: "1",
      }),
      db,
      pollMs: 200,
    });

  /** portal_email_messages_total by outcome, in this process's registry. */
  const countedTries = () => countedOutcomes(getMetrics().emailMessages);
  const triesSince = (before: Record<string, number>) => countedSince(getMetrics().emailMessages, before, ["sent", "failed", "dead"]);
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  async function waitFor(condition: () => Promise<boolean>, what: string, timeoutMs = 45_000) {
    const deadline = Date.now() + timeoutMs;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
      await sleep(200);
    }
  }

  let nationalIdSeed = 100;
  /** A citizen account, its address confirmed or not, with email notices on or off. */
  async function citizen({ email = "person@example.ir", verified = true, notices = true }: { email?: string | null; verified?: boolean; notices?: boolean } = {}) {
    const row = await db.citizenAccount.create({
      data: {
        nationalId: String(1_000_000_000 + nationalIdSeed++).slice(0, 10),
        mobile: "09121234567",
        email,
        emailVerifiedAt: verified && email ? new Date() : null,
        emailNotices: notices,
        firstName: "مریم",
        lastName: "رضایی",
        fatherName: "علی",
        birthDate: "1360/01/01",
        gender: "FEMALE",
        passwordHash: "x",
      },
      select: { id: true },
    });
    return row.id;
  }
  const notice = (citizenId: string | null, body = "درخواست شما ثبت شد.") =>
    db.$transaction((tx) => queueSms(tx, { to: "09121234567", kind: "REQUEST_RECEIVED", citizenId, body }));
  /** The token of the latest confirmation link queued for an address, read from its email as the person would. */
  async function linkTokenFor(to: string) {
    const email = await db.emailMessage.findFirstOrThrow({ where: { to, kind: "EMAIL_VERIFICATION" }, orderBy: { createdAt: "desc" }, select: { textBody: true } });
    const link = /https:\/\/es\.example\.ir\/email\/verify\?token=([A-Za-z0-9_-]+)/.exec(email.textBody);
    expect(link).not.toBeNull();
    return link![1]!;
  }

  it("queues a notice's email copy in the event's transaction, only for a confirmed address with email notices on", async () => {
    const confirmed = await citizen({ email: "confirmed@example.ir" });
    const unconfirmed = await citizen({ email: "unconfirmed@example.ir", verified: false });
    const optedOut = await citizen({ email: "off@example.ir", notices: false });
    const noAddress = await citizen({ email: null });

    const sms = await notice(confirmed, "درخواست شما با کد رهگیری ۱۲۳۴-۵۶۷-۸۹۰ ثبت شد.");
    await notice(unconfirmed);
    await notice(optedOut);
    await notice(noAddress);
    await notice(null);

    const emails = await db.emailMessage.findMany({ select: { to: true, kind: true, status: true, citizenId: true, smsMessageId: true, subject: true, textBody: true, htmlBody: true } });
    expect(emails).toEqual([
      expect.objectContaining({ to: "confirmed@example.ir", kind: "REQUEST_RECEIVED", status: "QUEUED", citizenId: confirmed, smsMessageId: sms.id, subject: "درخواست شما ثبت شد | سازمان تأمین اجتماعی" }),
    ]);
    expect(emails[0]!.textBody).toContain("۱۲۳۴-۵۶۷-۸۹۰");
    expect(emails[0]!.htmlBody).toContain('<html lang="fa" dir="rtl">');

    // An event that rolls back leaves neither its SMS nor its email.
    await expect(
      db.$transaction(async (tx) => {
        await queueSms(tx, { to: "09121234567", kind: "REQUEST_UPDATE", citizenId: confirmed, body: "پاسخ رویدادی که انجام نشد" });
        throw new Error("the event failed");
      }),
    ).rejects.toThrow("the event failed");
    expect(await db.emailMessage.count()).toBe(1);

    // A reminder written twice (two servers, a retry) is one SMS and one email.
    for (let run = 0; run < 2; run++) {
      await db.$transaction((tx) => queueSmsOnce(tx, { to: "09121234567", kind: "DEADLINE_REMINDER", citizenId: confirmed, body: "یادآوری", dedupeKey: "returned-waiting:e1" }));
    }
    expect(await db.emailMessage.count({ where: { kind: "DEADLINE_REMINDER" } })).toBe(1);

    // Turning email notices off stops the next copy; on again, it goes.
    await setEmailNotices({ db, citizenId: confirmed, enabled: false });
    await notice(confirmed, "خبر دوم");
    await setEmailNotices({ db, citizenId: confirmed, enabled: true });
    await notice(confirmed, "خبر سوم");
    expect((await db.emailMessage.findMany({ where: { kind: "REQUEST_RECEIVED" }, orderBy: { createdAt: "asc" }, select: { textBody: true } })).map((e) => e.textBody.split("\n")[0])).toEqual([
      "درخواست شما با کد رهگیری \u2066۱۲۳۴-۵۶۷-۸۹۰\u2069 ثبت شد.",
      "خبر سوم",
    ]);
  });

  it("copies every kind of notice to a citizen by email, a branch visit's too, and never a staff notice", async () => {
    const confirmed = await citizen({ email: "all-kinds@example.ir" });
    const kinds = Object.values(SmsKind).filter((kind) => kind !== "ONE_TIME_CODE");
    for (const kind of kinds) await db.$transaction((tx) => queueSms(tx, { to: "09121234567", kind, citizenId: confirmed, body: `خبر از نوع ${kind}` }));
    const emails = await db.emailMessage.findMany({ where: { to: "all-kinds@example.ir" }, select: { kind: true, subject: true } });
    expect(emails.map((e) => e.kind).sort()).toEqual(kinds.filter((kind) => kind !== "STAFF_SIGN_IN_LOCKED").sort());
    expect(emails.find((e) => e.kind === "BRANCH_VISIT")?.subject).toBe("نوبت مراجعه به شعبه | سازمان تأمین اجتماعی");
  });

  it("never sends a one-time code by email", async () => {
    const confirmed = await citizen();
    await sendSms({ db, to: "09121234567", body: "کد تأیید: ۱۲۳۴۵۶", citizenId: confirmed });
    expect(await db.smsMessage.count({ where: { kind: "ONE_TIME_CODE" } })).toBe(1);
    expect(await db.emailMessage.count()).toBe(0);
  });

  it("confirms an address by its link once, not after a day, and not after the address changed", async () => {
    const id = await citizen({ email: null });
    const now = new Date();
    expect(await setCitizenEmail({ db, citizenId: id, email: "new@example.ir", linkBase: LINK_BASE, now })).toEqual({ outcome: "link-sent" });
    expect(await db.citizenAccount.findUniqueOrThrow({ where: { id }, select: { email: true, emailVerifiedAt: true } })).toEqual({ email: "new@example.ir", emailVerifiedAt: null });
    const token = await linkTokenFor("new@example.ir");
    // Only the token's hash is kept.
    const stored = await db.emailVerification.findFirstOrThrow({ where: { citizenId: id } });
    expect(stored.tokenHash).toBe(crypto.createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(stored)).not.toContain(token);
    // Notices do not go to an address not yet confirmed.
    await notice(id);
    expect(await db.emailMessage.count({ where: { kind: { not: "EMAIL_VERIFICATION" } } })).toBe(0);

    expect(await confirmEmail({ db, token: "not-a-token" })).toEqual({ ok: false, reason: "unknown" });
    const used = new Date(now.getTime() + HOUR);
    expect(await confirmEmail({ db, token, now: used })).toEqual({ ok: true, email: "new@example.ir" });
    expect((await db.citizenAccount.findUniqueOrThrow({ where: { id } })).emailVerifiedAt).toEqual(used);
    expect(await confirmEmail({ db, token })).toEqual({ ok: false, reason: "used" });
    await notice(id);
    expect(await db.emailMessage.count({ where: { kind: "REQUEST_RECEIVED", to: "new@example.ir" } })).toBe(1);
    // The same confirmed address again changes nothing.
    expect(await setCitizenEmail({ db, citizenId: id, email: "new@example.ir", linkBase: LINK_BASE })).toEqual({ outcome: "unchanged" });

    // A changed address is unconfirmed until its own link is used; a link of the old one does not confirm it.
    expect(await setCitizenEmail({ db, citizenId: id, email: "other@example.ir", linkBase: LINK_BASE, now })).toEqual({ outcome: "link-sent" });
    expect((await db.citizenAccount.findUniqueOrThrow({ where: { id } })).emailVerifiedAt).toBeNull();
    const otherToken = await linkTokenFor("other@example.ir");
    await notice(id);
    expect(await db.emailMessage.count({ where: { kind: "REQUEST_RECEIVED" } })).toBe(1);

    // A day later the link has expired; a new one (a minute after the last) works, and the earlier one no longer does.
    expect(await confirmEmail({ db, token: otherToken, now: new Date(now.getTime() + 24 * HOUR + 1000) })).toEqual({ ok: false, reason: "expired" });
    expect(await resendEmailVerification({ db, citizenId: id, linkBase: LINK_BASE, now: new Date(now.getTime() + 30_000) })).toMatchObject({ ok: false, reason: "too-soon" });
    expect(await resendEmailVerification({ db, citizenId: id, linkBase: LINK_BASE, now: new Date(now.getTime() + 25 * HOUR) })).toEqual({ ok: true });
    expect(await confirmEmail({ db, token: otherToken, now: new Date(now.getTime() + 25 * HOUR) })).toEqual({ ok: false, reason: "unknown" });
    const freshToken = await linkTokenFor("other@example.ir");
    expect(freshToken).not.toBe(otherToken);

    // Changing the address after the link was sent voids it.
    await db.citizenAccount.update({ where: { id }, data: { email: "third@example.ir" } });
    expect(await confirmEmail({ db, token: freshToken, now: new Date(now.getTime() + 25 * HOUR) })).toEqual({ ok: false, reason: "address-changed" });

    // Removing the address ends it all.
    expect(await setCitizenEmail({ db, citizenId: id, email: "", linkBase: LINK_BASE })).toEqual({ outcome: "removed" });
    expect(await db.emailVerification.count({ where: { citizenId: id } })).toBe(0);

    // The retention deletes links past their day, and keeps a working one.
    const other = await citizen({ email: null });
    await setCitizenEmail({ db, citizenId: other, email: "keep@example.ir", linkBase: LINK_BASE, now });
    await db.emailVerification.create({ data: { citizenId: other, email: "keep@example.ir", tokenHash: "0".repeat(64), createdAt: new Date(now.getTime() - 25 * HOUR), expiresAt: new Date(now.getTime() - HOUR), usedAt: new Date(now.getTime() - 24 * HOUR) } });
    expect(await deleteExpiredEmailLinks({ db, now })).toBe(1);
    expect(await db.emailVerification.count({ where: { citizenId: other } })).toBe(1);
  });

  it("sends at most five confirmation links an hour for one account, whatever asks for them", async () => {
    const id = await citizen({ email: null });
    const start = new Date();
    for (let n = 1; n <= 5; n++) {
      expect(await setCitizenEmail({ db, citizenId: id, email: `try${n}@example.ir`, linkBase: LINK_BASE, now: new Date(start.getTime() + n * 61_000) })).toEqual({ outcome: "link-sent" });
    }
    const refused = await setCitizenEmail({ db, citizenId: id, email: "try6@example.ir", linkBase: LINK_BASE, now: new Date(start.getTime() + 6 * 61_000) });
    expect(refused).toMatchObject({ outcome: "too-many" });
    expect(await resendEmailVerification({ db, citizenId: id, linkBase: LINK_BASE, now: new Date(start.getTime() + 7 * 61_000) })).toMatchObject({ ok: false, reason: "too-soon" });
    // The refused change left the address as it was, and no sixth link went out.
    expect((await db.citizenAccount.findUniqueOrThrow({ where: { id } })).email).toBe("try5@example.ir");
    expect(await db.emailMessage.count({ where: { kind: "EMAIL_VERIFICATION", citizenId: id } })).toBe(5);
    await db.rateLimitHit.deleteMany();
  });

  it("delivers every email of a mail-server outage once it ends, with the same Message-ID on every try", async () => {
    const confirmed = await citizen();
    const countedBefore = await countedTries();
    delivery = await start(8);
    smtpUp = false;
    for (let n = 1; n <= 3; n++) await notice(confirmed, `اطلاعیه ${n}`);
    await waitFor(async () => (await db.emailMessage.count({ where: { status: "FAILED" } })) === 3, "failed first tries");
    // At least one retry of each during the outage.
    await waitFor(async () => tries >= 6, "retries during the outage");
    expect(accepted.size).toBe(0);
    smtpUp = true;
    await waitFor(async () => (await db.emailMessage.count({ where: { status: "SENT" } })) === 3, "every email sent");
    const rows = await db.emailMessage.findMany({ select: { id: true, attempts: true, sentAt: true, providerMessageId: true } });
    expect(new Set(accepted.keys())).toEqual(new Set(rows.map((row) => row.id)));
    expect([...accepted.values()]).toEqual([1, 1, 1]);
    for (const row of rows) {
      expect(row.attempts).toBeGreaterThan(1);
      expect(row.providerMessageId).toBe(`<${row.id}@tamin.example.ir>`);
    }
    // Operators see each try in portal_email_messages_total: every refused one, and the three sent.
    expect(await triesSince(countedBefore)).toEqual({ sent: 3, failed: rows.reduce((sum, row) => sum + row.attempts - 1, 0), dead: 0 });
    await sleep(1500);
    expect([...accepted.values()]).toEqual([1, 1, 1]);
  });

  it("marks an email dead after its last try, with the server's answer, and tries it no more", async () => {
    const confirmed = await citizen();
    const countedBefore = await countedTries();
    delivery = await start(2);
    smtpUp = false;
    await notice(confirmed);
    const { id } = await db.emailMessage.findFirstOrThrow({ select: { id: true } });
    await waitFor(async () => (await db.emailMessage.findUniqueOrThrow({ where: { id } })).status === "DEAD", "a dead email");
    expect(await db.emailMessage.findUniqueOrThrow({ where: { id }, select: { attempts: true, error: true, nextAttemptAt: true } })).toEqual({
      attempts: 2,
      error: expect.stringMatching(/SMTP server: .*451/),
      nextAttemptAt: null,
    });
    expect(await triesSince(countedBefore)).toEqual({ sent: 0, failed: 1, dead: 1 });
    const triesAtDeath = tries;
    smtpUp = true;
    await sleep(2500);
    expect(tries).toBe(triesAtDeath);
    expect(accepted.size).toBe(0);
    // Its SMS is a separate message, unaffected.
    expect(await db.smsMessage.count()).toBe(1);
  });
});
