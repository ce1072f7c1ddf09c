import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";
import { AppError } from "@/lib/errors";
import type { EmailKind, EmailStatus } from "@/lib/generated/prisma/enums";
import type { Db } from "@/lib/server/db/prisma";
import { seedDemo } from "@/lib/server/demo/seed-demo";
import { startMessageDelivery, type RunningDelivery } from "@/lib/server/jobs/job-queue";
import { staffActor } from "@/tests/support/review-factories";
import { createTestDatabase, testEngine, type TestDatabase } from "@/tests/support/test-database";
import { listUndeliveredEmail } from "./list-undelivered-email";
import { retryEmail } from "./retry-email";

const ADMIN = "900001";
const MOHAMMAD = "0012345679";
const codeOf = (error: unknown) => (error instanceof AppError ? error.code : String(error));

// «ایمیل‌های نرسیده» (docs/decisions/018): the administrator's list and «ارسال دوباره», as for
// text messages (lib/server/sms/undelivered-sms.integration.test.ts), against an offline SMTP server.
describe(`the administrator's undelivered emails on ${testEngine()}`, () => {
  let database: TestDatabase;
  let db: Db;
  let smtp: SMTPServer;
  let smtpUrl = "";
  /** The Message-IDs the SMTP server accepted, in order. */
  const accepted: string[] = [];
  let delivery: RunningDelivery | undefined;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.prisma();
    await seedDemo({ db });
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          accepted.push(/^Message-ID: <([^@>]+)@/im.exec(Buffer.concat(chunks).toString("utf8"))?.[1] ?? "none");
          callback(null);
        });
      },
    });
    // Any free port: no other test needs to know it.
    await new Promise<void>((resolve, reject) => {
      smtp.once("error", reject);
      smtp.listen(0, "127.0.0.1", () => resolve());
    });
    smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    await delivery?.stop();
    delivery = undefined;
    accepted.length = 0;
    await db.emailMessage.deleteMany();
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => smtp?.close(() => resolve()));
    await database?.close();
  });

  async function email(data: { to?: string; status: EmailStatus; kind: EmailKind; text?: string; createdAt?: Date; citizenId?: string | null }) {
    return db.emailMessage.create({
      data: {
        to: data.to ?? "person@example.ir",
        subject: "خبر تازه درباره درخواست شما | سازمان تأمین اجتماعی",
        textBody: data.text ?? "درخواست شما با کد رهگیری ۱۲۳۴-۵۶۷-۸۹۰ تأیید شد.",
        htmlBody: "<p>درخواست شما تأیید شد.</p>",
        kind: data.kind,
        provider: "smtp",
        status: data.status,
        attempts: data.status === "QUEUED" ? 0 : 8,
        error: data.status === "FAILED" || data.status === "DEAD" ? "SMTP server: 451 4.3.2 try again later" : null,
        nextAttemptAt: data.status === "FAILED" ? new Date("2026-12-02T09:00:00Z") : null,
        createdAt: data.createdAt ?? new Date(),
        citizenId: data.citizenId ?? null,
      },
      select: { id: true },
    });
  }

  it("lists dead and failing emails newest first, page by page, masked, never a confirmation link's text", async () => {
    const admin = await staffActor(db, ADMIN);
    const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 10, minute));
    const dead = await email({ status: "DEAD", kind: "REQUEST_UPDATE", to: "m.salehi@example.com", createdAt: at(1) });
    const failing = await email({ status: "FAILED", kind: "REQUEST_RECEIVED", createdAt: at(3) });
    const link = await email({ status: "DEAD", kind: "EMAIL_VERIFICATION", text: "https://es.example.ir/email/verify?token=SECRET-TOKEN-482913", createdAt: at(2) });
    await email({ status: "SENT", kind: "REQUEST_UPDATE", createdAt: at(4) });
    await email({ status: "QUEUED", kind: "REQUEST_UPDATE", createdAt: at(5) });

    const first = await listUndeliveredEmail({ db, actor: admin, pageSize: 2 });
    expect(first.total).toBe(3);
    expect(first.emails.map((e) => e.id)).toEqual([failing.id, link.id]);
    const second = await listUndeliveredEmail({ db, actor: admin, pageSize: 2, after: first.nextCursor ?? undefined });
    expect(second.emails.map((e) => e.id)).toEqual([dead.id]);
    expect(second.nextCursor).toBeNull();
    // A cursor edited by hand starts again from the newest.
    expect((await listUndeliveredEmail({ db, actor: admin, pageSize: 2, after: "not-a-cursor" })).emails[0]!.id).toBe(failing.id);

    const [failingRow, linkRow] = first.emails;
    expect(failingRow).toMatchObject({ status: "FAILED", kind: "REQUEST_RECEIVED", canRetry: false, attempts: 8, error: "SMTP server: 451 4.3.2 try again later" });
    expect(failingRow!.nextAttemptAt).toEqual(new Date("2026-12-02T09:00:00Z"));
    expect(linkRow).toMatchObject({ status: "DEAD", kind: "EMAIL_VERIFICATION", text: null, canRetry: false });
    expect(second.emails[0]).toMatchObject({ maskedTo: "m***@example.com", canRetry: true, text: expect.stringContaining("تأیید شد") });
    // Nothing of the list carries a whole address or a link's token.
    const everything = JSON.stringify([...first.emails, ...second.emails]);
    expect(everything).not.toMatch(/m\.salehi|person@|SECRET-TOKEN/);
  });

  it("sends a dead email again: queued for a new round, delivered with the same Message-ID, and audited with its citizen", async () => {
    const admin = await staffActor(db, ADMIN);
    const citizen = await db.citizenAccount.findUniqueOrThrow({ where: { nationalId: MOHAMMAD }, select: { id: true } });
    const dead = await email({ status: "DEAD", kind: "REQUEST_UPDATE", citizenId: citizen.id });
    // This engine's delivery, as in a server: on PostgreSQL pg-boss delivers only emails that
    // have a job, so the email arrives only if the retry wrote its job; on the embedded database the loop.
    delivery = await startMessageDelivery({
      config: parseConfig({
        ...(database.url ? { DATABASE_URL: database.url } : {}),
        EMAIL_PROVIDER: "smtp",
        SMTP_URL: smtpUrl,
        EMAIL_FROM: "no-reply@tamin.example.ir",
        EMAIL_TIMEOUT_MS: "5000",
      }),
      db,
      pollMs: 200,
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(accepted).toEqual([]);

    await retryEmail({ db, actor: admin, emailId: dead.id });

    const audit = await db.auditEntry.findMany({ where: { action: "RETRY_EMAIL" }, select: { staffId: true, subjectNationalId: true, detail: true } });
    expect(audit).toEqual([
      { staffId: admin.accountId, subjectNationalId: MOHAMMAD, detail: `${dead.id} REQUEST_UPDATE after 8 tries: SMTP server: 451 4.3.2 try again later` },
    ]);
    expect((await listUndeliveredEmail({ db, actor: admin })).total).toBe(0);
    const deadline = Date.now() + 30_000;
    while ((await db.emailMessage.findUniqueOrThrow({ where: { id: dead.id } })).status !== "SENT") {
      if (Date.now() > deadline) throw new Error("the retried email was not delivered");
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(accepted).toEqual([dead.id]);
    expect(await db.emailMessage.findUniqueOrThrow({ where: { id: dead.id }, select: { attempts: true } })).toEqual({ attempts: 1 });
  });

  it("refuses to send again an email that is not dead, or a confirmation link, and changes nothing", async () => {
    const admin = await staffActor(db, ADMIN);
    const failing = await email({ status: "FAILED", kind: "REQUEST_RECEIVED" });
    const sent = await email({ status: "SENT", kind: "REQUEST_RECEIVED" });
    const link = await email({ status: "DEAD", kind: "EMAIL_VERIFICATION" });

    expect(codeOf(await retryEmail({ db, actor: admin, emailId: failing.id }).catch((e: unknown) => e))).toBe("CONFLICT");
    expect(codeOf(await retryEmail({ db, actor: admin, emailId: sent.id }).catch((e: unknown) => e))).toBe("CONFLICT");
    expect(codeOf(await retryEmail({ db, actor: admin, emailId: link.id }).catch((e: unknown) => e))).toBe("INVALID_INPUT");
    expect(codeOf(await retryEmail({ db, actor: admin, emailId: "7cf0ae0e-bafe-43b5-ba8d-a63db7ab9cb4" }).catch((e: unknown) => e))).toBe("NOT_FOUND");
    // Pressed twice (two administrators, or a double click): the second finds it queued.
    const dead = await email({ status: "DEAD", kind: "PASSWORD_CHANGED" });
    await retryEmail({ db, actor: admin, emailId: dead.id });
    expect(codeOf(await retryEmail({ db, actor: admin, emailId: dead.id }).catch((e: unknown) => e))).toBe("CONFLICT");

    const rows = await db.emailMessage.findMany({ where: { id: { in: [failing.id, sent.id, link.id] } }, select: { status: true } });
    expect(rows.map((r) => r.status).sort()).toEqual(["DEAD", "FAILED", "SENT"]);
    expect(await db.auditEntry.count({ where: { action: "RETRY_EMAIL", detail: { startsWith: dead.id } } })).toBe(1);
    // Audit rows cannot be deleted, so earlier tests' entries remain: count this test's refused emails.
    for (const refused of [failing, sent, link]) {
      expect(await db.auditEntry.count({ where: { action: "RETRY_EMAIL", detail: { startsWith: refused.id } } })).toBe(0);
    }
  });

  it.each(["120101", "120190"])("refuses staff %s who is not the administrator", async (personnelCode) => {
    const actor = await staffActor(db, personnelCode);
    const dead = await email({ status: "DEAD", kind: "REQUEST_UPDATE" });
    expect(codeOf(await listUndeliveredEmail({ db, actor }).catch((e: unknown) => e))).toBe("FORBIDDEN");
    expect(codeOf(await retryEmail({ db, actor, emailId: dead.id }).catch((e: unknown) => e))).toBe("FORBIDDEN");
    expect((await db.emailMessage.findUniqueOrThrow({ where: { id: dead.id } })).status).toBe("DEAD");
    expect(await db.auditEntry.count({ where: { action: "RETRY_EMAIL", detail: { startsWith: dead.id } } })).toBe(0);
  });
});
