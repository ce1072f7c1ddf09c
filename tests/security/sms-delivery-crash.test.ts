// A server SIGKILLed while a text message is at the gateway: the gateway took the
// text, the server died before it heard so. After a restart the message is
// delivered again with the same idempotency key (a real gateway sends it once),
// and the outbox records it SENT once (docs/decisions/017).
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStubServer, type StubServer } from "@/tests/support/stub-server";
import { formWith, getPage, postForm, sessionOf, signInCitizen } from "./support/forms";
import { createDatabase, makeWorkDir, reportFigure, startPortal, type Portal, type PortalOptions } from "./support/portal";

/** The start of the "your question was received" notice (lib/server/requests/file-question.ts). */
const NOTICE = "پرسش شما";

describe("killed with SIGKILL while a text message is at the gateway, then restarted", () => {
  let database: Awaited<ReturnType<typeof createDatabase>>;
  let workDir: string;
  let options: PortalOptions;
  let portal: Portal | undefined;
  let gateway: StubServer;
  /** Texts the gateway sent to phones, by idempotency key: a real gateway sends each key's text once. */
  const sent = new Map<string, number>();
  let firstArrived: () => void = () => {};
  const arrived = new Promise<void>((resolve) => (firstArrived = resolve));

  beforeAll(async () => {
    gateway = await startStubServer((request) => {
      const key = String(request.headers["idempotency-key"]);
      const text = (request.json as { text?: string } | undefined)?.text ?? "";
      if (!sent.has(key)) {
        sent.set(key, 1);
        if (text.startsWith(NOTICE)) {
          // The gateway takes the text and sends it; its answer never reaches the server, which dies now.
          firstArrived();
          return "hang";
        }
      }
      // The same key again: already sent, answered as such, not sent twice.
      return { status: 200, json: { messageId: `gw-${key.slice(0, 8)}` } };
    });
    database = await createDatabase("smscrash");
    workDir = makeWorkDir("smscrash");
    options = {
      port: 3551,
      databaseUrl: database.url,
      storageDir: path.join(workDir, "uploads"),
      workDir,
      // A try waits at most 10 s for the gateway, so pg-boss expires a dead server's job after a minute.
      env: { SMS_PROVIDER: "http", SMS_HTTP_URL: `${gateway.url}/send`, SMS_TIMEOUT_MS: "10000", SMS_RETRY_DELAY_SECONDS: "1" },
    };
    portal = await startPortal(options);
  });

  afterAll(async () => {
    await portal?.stop();
    await gateway?.close();
    await database?.drop();
    if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
  });

  it("delivers the notice once after the restart, with the same idempotency key", async () => {
    const client = sessionOf(await signInCitizen({ baseUrl: portal!.baseUrl }, "0012345679"), { baseUrl: portal!.baseUrl });
    const form = formWith(await getPage(client, "/account/requests/new"), "submissionId");
    const filed = await postForm(client, "/account/requests/new", form, [
      ["submissionId", crypto.randomUUID()],
      ["domain", "INSURANCE"],
      ["subject", "پرسش درباره سابقه بیمه"],
      ["body", "سابقه بیمه من در سال ۱۴۰۰ ثبت نشده است."],
    ]);
    expect(filed.status).toBe(303);

    // The "received" notice is at the gateway: kill the server before it hears back.
    await arrived;
    await portal!.crash();
    const killedAt = Date.now();
    const [message] = await database.query<{ id: string; status: string }>(`SELECT id, status::text FROM "SmsMessage" WHERE body LIKE $1`, [`${NOTICE}%`]);
    expect(message, "the notice is in the outbox").toBeDefined();
    expect(message!.status).toBe("QUEUED");
    const noticeRequests = () => gateway.requests.filter((r) => (r.json as { text?: string } | undefined)?.text?.startsWith(NOTICE));
    expect(noticeRequests().map((r) => r.headers["idempotency-key"])).toEqual([message!.id]);

    portal = await startPortal(options);
    let row: { status: string; attempts: number } | undefined;
    for (const deadline = Date.now() + 150_000; Date.now() < deadline; ) {
      [row] = await database.query<{ status: string; attempts: number }>(`SELECT status::text, attempts FROM "SmsMessage" WHERE id = $1`, [message!.id]);
      if (row?.status === "SENT") break;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    expect(row?.status, "delivered after the restart").toBe("SENT");
    // Asked again with the same key only; sent to the phone once; recorded once.
    const keys = noticeRequests().map((r) => String(r.headers["idempotency-key"]));
    expect(new Set(keys)).toEqual(new Set([message!.id]));
    expect(keys.length).toBeGreaterThanOrEqual(2);
    expect(sent.get(message!.id)).toBe(1);
    expect(await database.query(`SELECT id FROM "SmsMessage" WHERE body LIKE $1`, [`${NOTICE}%`])).toHaveLength(1);
    reportFigure(`SMS crash: the notice at the gateway when the server was killed was delivered ${Math.round((Date.now() - killedAt) / 1000)} s later, once`);
  }, 240_000);
});
