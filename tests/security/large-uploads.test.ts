// A 2 GB upload, generated on the fly (never held in memory here), sent to each
// place that takes files: the server must answer or hang up long before the
// end, without its memory growing with the body and without writing any of it
// to disk. Next checks a server action's body against
// `experimental.serverActions.bodySizeLimit` (12 MB) while reading it; the
// route for documents sent ahead refuses from the Content-Length header (and
// refuses a body without one) before reading anything.
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formWith, getPage, sessionOf, signInCitizen, submit, type Client, type ParsedForm } from "./support/forms";
import { createDatabase, filesUnder, makeWorkDir, reportFigure, startPortal, type Portal } from "./support/portal";

const TWO_GB = 2 * 1024 ** 3;
const MB = 1024 ** 2;
/** What "cut off early" means here: the server stopped taking the body before this much was sent. */
const CUT_OFF_WITHIN = 64 * MB;
const MAX_RSS_GROWTH = 100 * MB;

type Outcome = { answer: string; sentBytes: number; peakRssGrowth: number; ms: number };

describe("2 GB uploads are cut off early", () => {
  let database: Awaited<ReturnType<typeof createDatabase>>;
  let workDir: string;
  let storageDir: string;
  let portal: Portal;
  let client: Client;
  const outcomes: string[] = [];

  beforeAll(async () => {
    database = await createDatabase("large_uploads");
    workDir = makeWorkDir("large-uploads");
    storageDir = path.join(workDir, "uploads");
    portal = await startPortal({ port: 3541, databaseUrl: database.url, storageDir, workDir });
    client = sessionOf(await signInCitizen({ baseUrl: portal.baseUrl }, "0012345679"), { baseUrl: portal.baseUrl });
  });

  afterAll(async () => {
    await portal?.stop();
    await database?.drop();
    if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
    reportFigure(`2 GB uploads: ${outcomes.length} sent, each cut off early: ${outcomes.join("; ")}`);
  });

  /**
   * Streams a multipart body of 2 GB: `fields`, then one file part whose
   * content never ends before 2 GB. Keeps sending after the answer for a
   * moment, to see whether the server goes on reading (it must not).
   */
  async function sendHugeBody({ target, fields = [], chunked }: { target: string; fields?: [string, string][]; chunked: boolean }): Promise<Outcome> {
    const boundary = `----huge${crypto.randomBytes(8).toString("hex")}`;
    const head = Buffer.from(
      fields.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`).join("") +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="huge.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n`,
    );
    const chunk = Buffer.alloc(256 * 1024, 0x30);
    const url = new URL(target, portal.baseUrl);
    const baseline = portal.rssBytes();
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, portal.rssBytes());
    }, 50);
    const started = Date.now();
    try {
      return await new Promise<Outcome>((resolve) => {
        let sent = 0;
        let answer: string | null = null;
        let finished = false;
        const request = http.request({
          host: "127.0.0.1",
          port: url.port,
          path: url.pathname,
          method: "POST",
          headers: {
            Host: url.host,
            Origin: portal.baseUrl,
            Cookie: client.cookie!,
            "Content-Type": `multipart/form-data; boundary=${boundary}`,
            ...(chunked ? {} : { "Content-Length": String(TWO_GB) }),
          },
        });
        const finish = () => {
          if (finished) return;
          finished = true;
          request.destroy();
          resolve({ answer: answer ?? "no answer", sentBytes: sent, peakRssGrowth: peak - baseline, ms: Date.now() - started });
        };
        request.on("response", (response) => {
          answer = `HTTP ${response.statusCode}`;
          response.resume();
          // Go on sending for a moment: a server that drains the rest would let it through.
          setTimeout(finish, 1_500);
        });
        request.on("error", (error: NodeJS.ErrnoException) => {
          answer ??= `connection closed (${error.code})`;
          finish();
        });
        request.on("close", () => {
          answer ??= "connection closed";
          setTimeout(finish, 100);
        });
        const pump = () => {
          while (!finished && sent < TWO_GB) {
            const piece = sent === 0 ? head : chunk;
            sent += piece.length;
            if (!request.write(piece)) {
              request.once("drain", pump);
              return;
            }
          }
          if (!finished) request.end();
        };
        pump();
        setTimeout(finish, 60_000);
      });
    } finally {
      clearInterval(sampler);
    }
  }

  async function expectCutOff(name: string, outcome: Outcome, expectedAnswer: RegExp) {
    outcomes.push(`${name}: ${outcome.answer} after ${(outcome.sentBytes / MB).toFixed(1)} MB, RSS +${(Math.max(0, outcome.peakRssGrowth) / MB).toFixed(0)} MB`);
    expect(outcome.answer).toMatch(expectedAnswer);
    expect(outcome.sentBytes, "bytes the server took before stopping").toBeLessThan(CUT_OFF_WITHIN);
    expect(outcome.peakRssGrowth, "server memory growth").toBeLessThan(MAX_RSS_GROWTH);
    expect(filesUnder(storageDir), "nothing stored").toEqual([]);
    expect(filesUnder(path.join(workDir, "tmp")), "nothing spooled to the server's temporary folder").toEqual([]);
    // Still serving.
    expect((await fetch(`${portal.baseUrl}/login`)).status).toBe(200);
  }

  it("to the route for documents sent ahead, with Content-Length: refused from the header (413)", async () => {
    await expectCutOff("/account/uploads with Content-Length", await sendHugeBody({ target: "/account/uploads", chunked: false }), /^HTTP 413$/);
  });

  it("to the route for documents sent ahead, chunked without Content-Length: refused (411)", async () => {
    await expectCutOff("/account/uploads chunked", await sendHugeBody({ target: "/account/uploads", chunked: true }), /^HTTP 411$/);
  });

  /** The step-B form of the dependents page for the demo pensioner's father, as its hidden fields. */
  async function enrolmentForm(): Promise<ParsedForm> {
    const checked = await submit(client, "/account/dependents/new", [
      ["dependentNationalId", "0344185230"],
      ["dependentBirthDate", "1328/03/14"],
      ["relationship", "FATHER"],
      ["declared_supported", "yes"],
    ]);
    return formWith(checked.html, "step");
  }

  // Next answers a server action whose body passes the limit with its error page (500), not 413.
  for (const chunked of [false, true]) {
    it(`to the dependents form (server action), ${chunked ? "chunked" : "with Content-Length"}: cut off after the 12 MB limit`, async () => {
      const form = await enrolmentForm();
      const outcome = await sendHugeBody({ target: "/account/dependents/new", fields: form.hidden, chunked });
      await expectCutOff(`dependents form ${chunked ? "chunked" : "with Content-Length"}`, outcome, /^(HTTP (413|500)|connection closed)/);
      expect(await database.query(`SELECT 1 FROM "Request"`)).toHaveLength(0);
    });
  }

  it("to the question form (server action), chunked: cut off after the 12 MB limit", async () => {
    const form = formWith(await getPage(client, "/account/requests/new"), "submissionId");
    const outcome = await sendHugeBody({
      target: "/account/requests/new",
      fields: [...form.hidden, ["domain", "INSURANCE"], ["subject", "پرسش با پیوست بزرگ"], ["body", "پیوست این پرسش بسیار بزرگ است."]],
      chunked: true,
    });
    await expectCutOff("question form chunked", outcome, /^(HTTP (413|500)|connection closed)/);
    expect(await database.query(`SELECT 1 FROM "Request"`)).toHaveLength(0);
  });
});
