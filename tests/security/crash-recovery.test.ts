// SIGKILL in the middle of work, then a restart (`npm start` without the
// build: migrations and the start-up clean-ups, then the portal server). Whatever
// instant the process dies at, the database and the files must agree:
//   - no request without its first event, an enrolment without its details or
//     documents, a stored status that its events do not give, a staff event
//     without its audit row;
//   - no document row whose file is missing; after the start-up clean-up no
//     file that no row refers to, and no half-written upload;
//   - every request and decision whose post was answered with success is there.
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RequestEventType } from "@/lib/generated/prisma/enums";
import { deriveStatus } from "@/lib/server/requests/request-status";
import { formWith, getPage, parseForms, pdfFile, postForm, sessionOf, signInCitizen, signInStaff, submit, type Client, type FormValue } from "./support/forms";
import { LOAD_TEST_QUOTAS, createDatabase, filesUnder, makeWorkDir, reportFigure, startPortal, type Portal, type PortalOptions } from "./support/portal";

const HOUR = 3_600_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Posts under way (sent, not yet answered): how many the kill interrupts. */
let pending = 0;
/** Posts answered with success so far: the kill comes after a given number, whatever the machine's speed. */
let successes = 0;
async function inFlight<T>(work: Promise<T>): Promise<T> {
  pending++;
  try {
    return await work;
  } finally {
    pending--;
  }
}

describe("killed with SIGKILL mid-upload and mid-decision, then restarted", () => {
  let database: Awaited<ReturnType<typeof createDatabase>>;
  let workDir: string;
  let options: PortalOptions;
  let portal: Portal;
  const accepted = { requests: new Set<string>(), answers: new Set<string>(), claims: new Set<string>() };
  const figures = { crashPoints: 0, inFlightAtKill: 0, orphansRemoved: 0, incompleteRemoved: 0, requestsAccepted: 0, decisionsAccepted: 0 };

  beforeAll(async () => {
    database = await createDatabase("crash");
    workDir = makeWorkDir("crash");
    options = { port: 3531, databaseUrl: database.url, storageDir: path.join(workDir, "uploads"), workDir, env: LOAD_TEST_QUOTAS };
    portal = await startPortal(options);
  });

  afterAll(async () => {
    await portal?.stop();
    await database?.drop();
    if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
    reportFigure(
      `crash points: ${figures.crashPoints} SIGKILLs (${figures.inFlightAtKill} requests in flight when killed); ` +
        `${figures.requestsAccepted} accepted submissions and ${figures.decisionsAccepted} accepted staff actions all survived; ` +
        `start-up clean-up removed ${figures.orphansRemoved} orphan file(s) and ${figures.incompleteRemoved} half-written upload(s)`,
    );
  });

  const citizen = async () => sessionOf(await signInCitizen({ baseUrl: portal.baseUrl }, "0012345679"), { baseUrl: portal.baseUrl });
  const staff = async () => sessionOf(await signInStaff({ baseUrl: portal.baseUrl }, "120101"), { baseUrl: portal.baseUrl });

  /**
   * Runs `workers` (each loops until the server is gone), kills the server
   * once `afterSuccesses` more posts have succeeded, then restarts it as an operator would, one hour later
   * as far as files are concerned (the clean-up spares files younger than an
   * hour, which could belong to a form still in progress).
   */
  async function crashDuring(workers: ((alive: () => boolean) => Promise<void>)[], { afterSuccesses }: { afterSuccesses: number }) {
    const target = successes + afterSuccesses;
    let alive = true;
    const tracked = workers.map((worker) =>
      worker(() => alive).catch((error: unknown) => {
        if (alive) throw error;
      }),
    );
    const deadline = Date.now() + 60_000;
    while (successes < target && Date.now() < deadline) await sleep(10);
    // A little later, so the kill does not always land just after an answer.
    await sleep(crypto.randomInt(0, 150));
    const inFlight = pending;
    alive = false;
    await portal.crash();
    await Promise.all(tracked);
    figures.crashPoints++;
    figures.inFlightAtKill += inFlight;

    const storageDir = options.storageDir;
    const hourAgo = new Date(Date.now() - HOUR - 60_000);
    for (const file of filesUnder(storageDir)) fs.utimesSync(path.join(storageDir, file), hourAgo, hourAgo);
    const logBefore = fs.existsSync(path.join(workDir, `server-${options.port}.log`)) ? fs.readFileSync(path.join(workDir, `server-${options.port}.log`), "utf8").length : 0;
    portal = await startPortal(options);
    const cleanUp = /(\d+) stored file\(s\) no request refers to, (\d+) incomplete upload/.exec(portal.log().slice(logBefore));
    figures.orphansRemoved += Number(cleanUp?.[1] ?? 0);
    figures.incompleteRemoved += Number(cleanUp?.[2] ?? 0);
    await expectConsistent();
  }

  async function expectConsistent() {
    const q = database.query;
    const requests = await q<{ id: string; kind: string; status: string; assignedStaffId: string | null }>(`SELECT id, kind, status, "assignedStaffId" FROM "Request"`);
    const events = await q<{ requestId: string; type: RequestEventType; assigneeStaffId: string | null; actorStaffId: string | null }>(
      `SELECT "requestId", type, "assigneeStaffId", "actorStaffId" FROM "RequestEvent" ORDER BY "at", id`,
    );
    const audits = await q<{ requestId: string; action: string }>(`SELECT "requestId", action::text FROM "AuditEntry" WHERE action IN ('CLAIM', 'ANSWER', 'APPROVE', 'REJECT', 'RETURN')`);
    const enrolments = new Set((await q<{ requestId: string }>(`SELECT "requestId" FROM "DependentEnrolment"`)).map((row) => row.requestId));
    const documents = await q<{ requestId: string; storageKey: string }>(`SELECT "requestId", "storageKey" FROM "RequestDocument"`);
    const staged = await q<{ storageKey: string }>(`SELECT "storageKey" FROM "PendingUpload"`);

    const eventsOf = new Map<string, typeof events>();
    for (const event of events) eventsOf.set(event.requestId, [...(eventsOf.get(event.requestId) ?? []), event]);
    for (const request of requests) {
      const history = eventsOf.get(request.id) ?? [];
      expect(history[0]?.type, `request ${request.id} starts with SUBMITTED`).toBe("SUBMITTED");
      expect(request.status, `stored status of ${request.id} is its events' status`).toBe(deriveStatus(history));
      const lastAssigned = history.filter((event) => event.type === "ASSIGNED").at(-1);
      expect(request.assignedStaffId, `holder of ${request.id}`).toBe(lastAssigned?.assigneeStaffId ?? null);
      if (request.kind === "DEPENDENT_ENROLMENT") {
        expect(enrolments.has(request.id), `enrolment details of ${request.id}`).toBe(true);
        expect(documents.some((document) => document.requestId === request.id), `documents of ${request.id}`).toBe(true);
      }
      const staffEvents = history.filter((event) => event.actorStaffId && (event.type === "ASSIGNED" || event.type === "ANSWERED")).length;
      expect(audits.filter((audit) => audit.requestId === request.id).length, `audit rows of ${request.id}`).toBe(staffEvents);
    }
    const files = filesUnder(options.storageDir);
    for (const document of documents) expect(files, `file of a document of ${document.requestId}`).toContain(path.join(document.storageKey.slice(0, 2), document.storageKey));
    const referenced = [...documents, ...staged].map((row) => path.join(row.storageKey.slice(0, 2), row.storageKey)).sort();
    expect(files, "after the start-up clean-up, every file belongs to a row").toEqual(referenced);

    const ids = new Set(requests.map((request) => request.id));
    for (const id of accepted.requests) expect(ids.has(id), `accepted request ${id} is still there`).toBe(true);
    const answered = new Set(events.filter((event) => event.type === "ANSWERED").map((event) => event.requestId));
    for (const id of accepted.answers) expect(answered.has(id), `accepted answer to ${id} is still there`).toBe(true);
    const claimed = new Set(events.filter((event) => event.type === "ASSIGNED").map((event) => event.requestId));
    for (const id of accepted.claims) expect(claimed.has(id), `accepted claim of ${id} is still there`).toBe(true);
    figures.requestsAccepted = accepted.requests.size;
    figures.decisionsAccepted = accepted.answers.size + accepted.claims.size;
  }

  /** Files questions with an attachment, one after another, until the server dies. */
  const questionWorker = (client: Client) => async (alive: () => boolean) => {
    const form = formWith(await getPage(client, "/account/requests/new"), "submissionId");
    while (alive()) {
      const result = await inFlight(
        postForm(client, "/account/requests/new", form, [
          ["submissionId", crypto.randomUUID()],
          ["domain", "INSURANCE"],
          ["subject", "پرسش درباره سابقه بیمه"],
          ["body", "سابقه بیمه من در سال ۱۴۰۰ ثبت نشده است."],
          ["attachment", pdfFile("history.pdf")],
        ]),
      );
      const id = /\/account\/requests\/([0-9a-f-]{36})\?filed=1$/.exec(result.location ?? "")?.[1];
      if (result.status !== 303 || !id) throw new Error(`question refused: ${result.status}`);
      accepted.requests.add(id);
      successes++;
    }
  };

  /** Sends documents ahead (POST /account/uploads) until the server dies. */
  const stagingWorker = (client: Client) => async (alive: () => boolean) => {
    while (alive()) {
      const body = new FormData();
      body.append("file", new File([new Uint8Array((pdfFile("scan.pdf") as { content: Buffer }).content)], "scan.pdf", { type: "application/pdf" }));
      const response = await inFlight(fetch(`${client.baseUrl}/account/uploads`, { method: "POST", body, headers: { Origin: client.baseUrl, Cookie: client.cookie! } }));
      if (response.status !== 201) throw new Error(`upload refused: ${response.status}`);
      successes++;
    }
  };

  /** Enrols the demo pensioner's father and son (each once: a second request for one person is refused). */
  const enrolmentWorker = (client: Client, people: [string, string][][]) => async (alive: () => boolean) => {
    for (const person of people) {
      if (!alive()) return;
      const checked = await submit(client, "/account/dependents/new", person);
      const form = formWith(checked.html, "step");
      const result = await inFlight(postForm(client, "/account/dependents/new", form, form.files.map((name): [string, FormValue] => [name, pdfFile(`${name}.pdf`)])));
      const id = /\/account\/requests\/([0-9a-f-]{36})\?filed=1$/.exec(result.location ?? "")?.[1];
      if (result.status === 303 && id) {
        accepted.requests.add(id);
        successes++;
      }
    }
  };

  /** A multipart body sent slowly (a phone on a bad line); the server dies while it is still coming. */
  const slowUploadWorker = (client: Client, target: string, fields: [string, string][]) => async (alive: () => boolean) => {
    const boundary = `----slow${crypto.randomBytes(8).toString("hex")}`;
    const parts = fields.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`).join("");
    const head = `${parts}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="slow.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n`;
    const url = new URL(target, client.baseUrl);
    await inFlight(new Promise<void>((resolve) => {
      const request = http.request({
        host: "127.0.0.1",
        port: url.port,
        path: url.pathname,
        method: "POST",
        headers: { Host: url.host, Origin: client.baseUrl, Cookie: client.cookie!, "Content-Type": `multipart/form-data; boundary=${boundary}`, "Content-Length": String(head.length + 4 * 1024 * 1024) },
      });
      request.on("error", () => resolve());
      request.on("response", (response) => {
        response.resume();
        response.on("end", resolve);
      });
      request.write(head);
      const chunk = Buffer.alloc(16 * 1024, 0x20);
      const timer = setInterval(() => {
        if (!alive()) {
          clearInterval(timer);
          return;
        }
        request.write(chunk);
      }, 20);
      request.on("close", () => {
        clearInterval(timer);
        resolve();
      });
    }));
  };

  it("mid-upload: questions with attachments, documents sent ahead, enrolments and slow uploads, killed at five points", async () => {
    for (const [round, afterSuccesses] of [1, 3, 5, 8, 12].entries()) {
      const client = await citizen();
      const questionForm = formWith(await getPage(client, "/account/requests/new"), "submissionId");
      // Each person can be enrolled once; rounds whose enrolment was killed before it was filed try again later.
      const people: [string, string][][] = [
        [["dependentNationalId", "0344185230"], ["dependentBirthDate", "1328/03/14"], ["relationship", "FATHER"], ["declared_supported", "yes"]],
        [["dependentNationalId", "8933827374"], ["dependentBirthDate", "1391/07/09"], ["relationship", "SON"]],
      ].slice(round % 2, (round % 2) + 1) as [string, string][][];
      await crashDuring(
        [
          ...Array.from({ length: 4 }, () => questionWorker(client)),
          stagingWorker(client),
          stagingWorker(client),
          enrolmentWorker(client, people),
          slowUploadWorker(client, "/account/uploads", []),
          slowUploadWorker(client, "/account/requests/new", [...questionForm.hidden, ["submissionId", crypto.randomUUID()], ["domain", "MEDICAL"], ["subject", "پرسش کند"], ["body", "این پرسش آهسته فرستاده می‌شود."]]),
        ],
        { afterSuccesses },
      );
    }
    expect(accepted.requests.size).toBeGreaterThan(0);
  });

  it("mid-decision: an officer claims and answers questions in parallel, killed at five points", async () => {
    // One sign-in for all five rounds: her session is a database row, so it outlives each kill as it
    // would for an officer at her desk (and a second sign-in within the authenticator's 30-s step
    // would wait for the app's next code).
    const officer = await staff();
    for (const afterSuccesses of [1, 4, 7, 11, 16]) {
      const open = await database.query<{ id: string }>(`SELECT id FROM "Request" WHERE kind = 'QUESTION' AND status = 'SUBMITTED' ORDER BY "createdAt" LIMIT 60`);
      if (open.length < 12) {
        // More questions to decide: filed (and accepted) without a crash.
        const client = await citizen();
        const form = formWith(await getPage(client, "/account/requests/new"), "submissionId");
        await Promise.all(
          Array.from({ length: 30 }, async () => {
            const result = await postForm(client, "/account/requests/new", form, [
              ["submissionId", crypto.randomUUID()],
              ["domain", "INSURANCE"],
              ["subject", "پرسش برای پاسخ"],
              ["body", "پرسشی که کارشناس به آن پاسخ می‌دهد."],
            ]);
            accepted.requests.add(/requests\/([0-9a-f-]{36})/.exec(result.location!)![1]!);
          }),
        );
        open.push(...(await database.query<{ id: string }>(`SELECT id FROM "Request" WHERE kind = 'QUESTION' AND status = 'SUBMITTED' ORDER BY "createdAt" LIMIT 60`)));
      }
      const queue = [...new Set(open.map((row) => row.id))];
      const decide = async (alive: () => boolean) => {
        for (let id = queue.shift(); id && alive(); id = queue.shift()) {
          const page = await getPage(officer, `/staff/requests/${id}`);
          const claim = parseForms(page).find((form) => form.hidden.some(([name, value]) => name.endsWith(":1") && value.includes(id!)) && !form.names.has("decision"));
          if (!claim) throw new Error(`no claim form for ${id}`);
          const claimed = await inFlight(postForm(officer, `/staff/requests/${id}`, claim, []));
          if (claimed.status !== 303) throw new Error(`claim refused: ${claimed.status}`);
          accepted.claims.add(id);
          successes++;
          const answerForm = formWith(await getPage(officer, `/staff/requests/${id}`), "answer");
          const answered = await inFlight(
            postForm(officer, `/staff/requests/${id}`, answerForm, [
              ["decision", "ANSWER"],
              ["answer", "سابقه شما بررسی شد و در پرونده ثبت است."],
            ]),
          );
          if (answered.status !== 303) throw new Error(`answer refused: ${answered.status}`);
          accepted.answers.add(id);
          successes++;
        }
      };
      await crashDuring([decide, decide, decide, decide], { afterSuccesses });
    }
    expect(accepted.answers.size).toBeGreaterThan(0);
  });
});
