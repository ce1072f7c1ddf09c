// A double click, a flaky connection that resends, or a script: the same form
// posted 100 times at once, spread over two servers, makes one request, keeps
// one copy of each document, and every post is answered with that request.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formWith, getPage, pdfFile, postForm, sessionOf, signInCitizen, stageUpload, submit, textOf, type Client, type FormValue, type PostResult } from "./support/forms";
import { LOAD_TEST_QUOTAS, createDatabase, filesUnder, makeWorkDir, reportFigure, startPortal, type Portal } from "./support/portal";

const PARALLEL = 100;

describe(`${PARALLEL} parallel duplicate submissions on two servers`, () => {
  let database: Awaited<ReturnType<typeof createDatabase>>;
  let workDir: string;
  let storageDir: string;
  let servers: Portal[] = [];
  let submissions = 0;

  beforeAll(async () => {
    database = await createDatabase("parallel");
    workDir = makeWorkDir("parallel");
    storageDir = path.join(workDir, "uploads");
    const options = (port: number) => ({ port, databaseUrl: database.url, storageDir, workDir, env: LOAD_TEST_QUOTAS });
    servers = [await startPortal(options(3521))];
    servers.push(await startPortal(options(3522)));
  });

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await database?.drop();
    if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
    reportFigure(`parallel duplicate submissions: ${submissions} posts in ${submissions / PARALLEL} bursts of ${PARALLEL} over 2 servers, one record per burst`);
  });

  async function signIn(nationalId: string): Promise<Client[]> {
    const client = sessionOf(await signInCitizen({ baseUrl: servers[0]!.baseUrl }, nationalId), { baseUrl: servers[0]!.baseUrl });
    return servers.map((server) => ({ ...client, baseUrl: server.baseUrl }));
  }

  /** The same post, PARALLEL times at once, alternating between the servers. */
  async function burst(clients: Client[], pagePath: string, form: ReturnType<typeof formWith>, fields: [string, FormValue][]): Promise<PostResult[]> {
    submissions += PARALLEL;
    return Promise.all(Array.from({ length: PARALLEL }, (_, n) => postForm(clients[n % clients.length]!, pagePath, form, fields)));
  }

  /** Every post went to the same new request's page; returns its id. */
  function oneRequest(results: PostResult[]): string {
    const statuses = new Set(results.map((result) => result.status));
    if (statuses.size !== 1 || !statuses.has(303)) {
      const odd = results.find((result) => result.status !== 303)!;
      const saved = path.join(os.tmpdir(), `portal-sec-unexpected-answer-${Date.now()}.html`);
      fs.writeFileSync(saved, odd.html);
      const text = textOf(odd.html);
      const problem = text.indexOf("مشکلی وجود دارد");
      throw new Error(`expected only redirects, got ${[...statuses].join(", ")} (page saved in ${saved}): ${text.slice(Math.max(0, problem), problem + 600)}`);
    }
    const locations = new Set(results.map((result) => result.location));
    expect([...locations]).toHaveLength(1);
    const id = /\/account\/requests\/([0-9a-f-]{36})\?filed=1$/.exec([...locations][0]!)?.[1];
    expect(id).toBeTruthy();
    return id!;
  }

  async function expectOneComplete(requestId: string, submissionId: string, documents: number) {
    const requests = await database.query<{ id: string }>(`SELECT id FROM "Request" WHERE "submissionId" = $1`, [submissionId]);
    expect(requests.map((r) => r.id)).toEqual([requestId]);
    const events = await database.query<{ type: string }>(`SELECT type FROM "RequestEvent" WHERE "requestId" = $1`, [requestId]);
    expect(events.map((e) => e.type)).toEqual(["SUBMITTED"]);
    const stored = await database.query<{ storageKey: string }>(`SELECT "storageKey" FROM "RequestDocument" WHERE "requestId" = $1`, [requestId]);
    expect(stored).toHaveLength(documents);
    for (const { storageKey } of stored) expect(fs.existsSync(path.join(storageDir, storageKey.slice(0, 2), storageKey)), storageKey).toBe(true);
  }

  /** Files on disk are exactly the documents of requests and of documents sent ahead: the duplicates' copies are gone. */
  async function expectNoStrayFiles() {
    const rows = await database.query<{ storageKey: string }>(`SELECT "storageKey" FROM "RequestDocument" UNION ALL SELECT "storageKey" FROM "PendingUpload"`);
    expect(filesUnder(storageDir)).toEqual(rows.map((row) => path.join(row.storageKey.slice(0, 2), row.storageKey)).sort());
  }

  it("a question with an attachment", async () => {
    const clients = await signIn("0012345679");
    const form = formWith(await getPage(clients[0]!, "/account/requests/new"), "submissionId");
    const submissionId = form.hidden.find(([name]) => name === "submissionId")![1];
    const results = await burst(clients, "/account/requests/new", form, [
      ["domain", "INSURANCE"],
      ["subject", "پرسش درباره سابقه بیمه"],
      ["body", "سابقه بیمه من در سال ۱۴۰۰ ثبت نشده است."],
      ["attachment", pdfFile("history.pdf")],
    ]);
    await expectOneComplete(oneRequest(results), submissionId, 1);
    await expectNoStrayFiles();
  });

  /** Step A of «اضافه کردن فرد جدید تحت پوشش»: the registry check; returns the form of step B. */
  async function checkDependent(clients: Client[], person: [string, string][]) {
    const checked = await submit(clients[0]!, "/account/dependents/new", [["dependentNationalId", person[0]![1]], ...person.slice(1)]);
    expect(checked.status).toBe(200);
    const form = formWith(checked.html, "step");
    expect(form.hidden).toContainEqual(["step", "enrol"]);
    expect(form.files.length).toBeGreaterThan(0);
    return { form, submissionId: form.hidden.find(([name]) => name === "submissionId")![1] };
  }

  it("a dependent enrolment with its documents in the form", async () => {
    const clients = await signIn("0012345679");
    const { form, submissionId } = await checkDependent(clients, [
      ["dependentNationalId", "0344185230"],
      ["dependentBirthDate", "1328/03/14"],
      ["relationship", "FATHER"],
      ["declared_supported", "yes"],
    ]);
    const results = await burst(
      clients,
      "/account/dependents/new",
      form,
      form.files.map((name) => [name, pdfFile(`${name}.pdf`)]),
    );
    const requestId = oneRequest(results);
    await expectOneComplete(requestId, submissionId, form.files.length);
    expect(await database.query(`SELECT 1 FROM "DependentEnrolment" WHERE "requestId" = $1`, [requestId])).toHaveLength(1);
    await expectNoStrayFiles();
  });

  it("a dependent enrolment with its documents sent ahead (the same tokens in every post)", async () => {
    const clients = await signIn("7404642231");
    const { form, submissionId } = await checkDependent(clients, [
      ["dependentNationalId", "6958056647"],
      ["dependentBirthDate", "1355/03/30"],
      ["relationship", "WIFE"],
    ]);
    const staged: [string, FormValue][] = [];
    for (const name of form.files) {
      const upload = await stageUpload(clients[0]!, pdfFile(`${name}.pdf`) as Exclude<FormValue, string>);
      expect(upload.status).toBe(201);
      staged.push([`${name}__staged`, upload.token!]);
    }
    const requestId = oneRequest(await burst(clients, "/account/dependents/new", form, staged));
    await expectOneComplete(requestId, submissionId, form.files.length);
    expect(await database.query(`SELECT 1 FROM "PendingUpload"`)).toHaveLength(0);
    await expectNoStrayFiles();
  });
});
