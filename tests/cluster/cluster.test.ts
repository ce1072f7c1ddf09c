// `npm run test:cluster`: the portal as it runs in production, on one machine.
// HAProxy (round robin, health checks, compressing the pages and caching the
// build's static files: decision 028) in front of three production servers of
// one build, PostgreSQL through PgBouncer in transaction mode, documents in an
// S3-compatible server (tests/cluster/support/cluster.ts); the servers only
// queue jobs and one worker process of the same build does them (decision 027).
// A citizen registers
// and files a dependent enrolment with documents, an officer approves it, each
// step landing on another server than the one before; sign-out and lockout
// hold across servers; one server is killed with SIGKILL in the middle of work
// and the run ends with nothing lost or half-saved, every notice delivered once.
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import zlib from "node:zlib";
import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { generate } from "otplib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadRegistryFixture } from "@/lib/fixtures/civil-registry-fixture";
import { DEMO_STAFF } from "@/lib/server/demo/demo-data";
import { reportFigure } from "@/tests/security/support/portal";
import { pdfFile, textOf } from "@/tests/security/support/forms";
import { S3_TEST_CREDENTIALS } from "@/tests/support/s3-test-server";
import { METRICS_TOKEN, startCluster, type Cluster } from "./support/cluster";
import { expectRedirect, Visitor } from "./support/visitor";

const PASSWORD = "walnut trees by the old bridge";
const registry = loadRegistryFixture();
const person = (nationalId: string) => registry.find((p) => p.nationalId === nationalId)!;
// Family B: the pensioner has no account yet; his branch is 1202.
const CITIZEN = person("6658477736");
const SON = person("4773018933");
const OFFICER = "120201";
const STAFF_PASSWORD = "Tamin-Demo-1405";

/**
 * Staff sign-in, in one place: the password, then the code of the staff
 * member's authenticator (the demo's seeded secret, as the app shows it), each
 * posted to whichever server the balancer picks. A code is accepted once: when it
 * was just used, the next one is awaited, as a person would.
 */
async function signInStaffMember(visitor: Visitor, personnelCode: string, password = STAFF_PASSWORD) {
  const first = await visitor.submit("/staff/login", [
    ["personnelCode", personnelCode],
    ["password", password],
  ]);
  if (first.status !== 303 || !first.location?.includes("/staff/login/code")) return first;
  const secret = DEMO_STAFF.find((staff) => staff.personnelCode === personnelCode)?.totpSecret;
  if (!secret) throw new Error(`demo staff ${personnelCode} has no seeded authenticator`);
  for (let attempt = 0; ; attempt++) {
    const answer = await visitor.submit("/staff/login/code", [["code", await generate({ secret })]]);
    if (answer.status === 303 || attempt === 2 || !textOf(answer.html).includes("این کد یک بار به کار رفته است")) return answer;
    await new Promise((resolve) => setTimeout(resolve, 30_000 - (Date.now() % 30_000) + 300));
  }
}

/** A GET as sent, its body as received: fetch would ask for and undo the compression itself. */
function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
        response.on("error", reject);
      })
      .on("error", reject);
  });
}

/** No two consecutive requests of a journey were answered by the same server. */
function expectEachStepOnAnotherServer(visitor: Visitor, from = 0) {
  const steps = visitor.journal.slice(from);
  for (let n = 1; n < steps.length; n++) {
    const journal = steps.map((step) => `${step.servedBy} ${step.method} ${step.path}`).join("\n");
    expect(steps[n]!.servedBy, `${steps[n]!.method} ${steps[n]!.path} was answered by the server of the step before:\n${journal}`).not.toBe(steps[n - 1]!.servedBy);
  }
  return new Set(steps.map((step) => step.servedBy));
}

describe("the portal as a cluster: HAProxy, three servers of one build, PgBouncer, S3", () => {
  let cluster: Cluster;
  const started = Date.now();
  const figures = { requests: 0, servers: 3, killedMidRun: 0, acceptedDuringKill: 0, failedDuringKill: 0 };
  let citizen: Visitor;
  let requestId: string;

  beforeAll(async () => {
    cluster = await startCluster();
  });
  afterAll(async () => {
    if (cluster) {
      const logs = cluster.servers.map((server) => server.log()).join("\n");
      figures.requests = logs.split("\n").filter((line) => line.includes('"msg":"request"')).length;
      await cluster.stop();
    }
    reportFigure(
      `cluster: 3 queue-only servers behind HAProxy and a job worker, on PgBouncer and s3rver, ${figures.requests} requests logged, one server SIGKILLed mid-run (${figures.acceptedDuringKill} posts accepted, ${figures.failedDuringKill} refused meanwhile), ${Math.round((Date.now() - started) / 1000)} s on Node ${process.versions.node}`,
    );
  });

  it("balances round robin over three ready servers", async () => {
    const visitor = new Visitor(cluster.url);
    for (let n = 0; n < 6; n++) expect((await visitor.get("/api/health/ready")).status).toBe(200);
    expect(expectEachStepOnAnotherServer(visitor)).toEqual(new Set(["s1", "s2", "s3"]));
    expect(await cluster.serversUp()).toEqual(["s1", "s2", "s3"]);
  });

  it("pages reach a browser compressed by HAProxy, the build's scripts compressed once by a server and then from HAProxy's cache", async () => {
    const browser = { "accept-encoding": "gzip, deflate, br, zstd" };
    const before = await cluster.compressedByHaproxy();
    const page = await rawGet(`${cluster.url}/`, browser);
    expect(page.status).toBe(200);
    expect(page.headers["content-encoding"]).toBe("gzip");
    const html = zlib.gunzipSync(page.body).toString("utf8");
    expect(textOf(html)).toContain("سازمان تأمین اجتماعی");
    // HAProxy compresses only what a server sent uncompressed: the server was not asked to.
    expect(await cluster.compressedByHaproxy()).toBe(before + 1);
    // A client that accepts no encoding gets the page as it is.
    const plain = await rawGet(`${cluster.url}/`, {});
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(textOf(plain.body.toString("utf8"))).toContain("سازمان تأمین اجتماعی");

    const script = /<script src="(\/_next\/static\/chunks\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script, "the home page names a script of the build").toBeDefined();
    const copies = [];
    for (let n = 0; n < 3; n++) copies.push(await rawGet(`${cluster.url}${script}`, browser));
    for (const copy of copies) {
      expect(copy.status).toBe(200);
      expect(copy.headers["content-encoding"]).toBe("gzip");
      expect(copy.body.equals(copies[0]!.body)).toBe(true);
    }
    const unzipped = zlib.gunzipSync(copies[0]!.body);
    expect(unzipped.length).toBeGreaterThan(copies[0]!.body.length);
    // The build marks each client script for compilation off the browser's main thread (docs/decisions/029).
    expect(unzipped.toString("utf8")).toMatch(/^\/\/# allFunctionsCalledOnLoad\n/);
    // Asked for three times, it reached a server once: the other two came from HAProxy's cache.
    const servedByServers = () =>
      cluster.servers.flatMap((server) => server.log().split("\n")).filter((line) => line.includes('"msg":"request"') && line.includes(`"path":"${script}"`)).length;
    await expect.poll(servedByServers, { timeout: 5_000, interval: 100 }).toBe(1);
    // A server answering browsers itself (no balancer in front) compresses its pages.
    const direct = await rawGet(`http://127.0.0.1:${cluster.servers[0]!.port}/`, browser);
    expect(direct.headers["content-encoding"]).toBe("gzip");
  });

  it("a citizen registers: national ID, code by SMS, identity, password, each step on another server", async () => {
    citizen = new Visitor(cluster.url);
    const since = Date.now();
    expectRedirect(await citizen.submit("/register/national-id", [["nationalId", CITIZEN.nationalId]]), /\/register\/mobile$/);
    expectRedirect(await citizen.submit("/register/mobile", [["mobile", CITIZEN.mobile!]]), /\/register\/verify$/);
    const code = cluster.external.latestCode(CITIZEN.mobile!, since);
    expectRedirect(await citizen.submit("/register/verify", [["code", code]]), /\/register\/identity$/);
    expectRedirect(
      await citizen.submit("/register/identity", [
        ["firstName", CITIZEN.firstName],
        ["lastName", CITIZEN.lastName],
        ["fatherName", CITIZEN.fatherName],
        ["birthDate", CITIZEN.birthDate],
      ]),
      /\/register\/account$/,
    );
    expectRedirect(
      await citizen.submit("/register/account", [
        ["password", PASSWORD],
        ["passwordConfirm", PASSWORD],
      ]),
      /\/register\/review$/,
    );
    expectRedirect(await citizen.press("/register/review", "تایید و ارسال درخواست"), /\/register\/result$/);
    expect(textOf(await citizen.page("/register/result"))).toContain("کد رهگیری");
    expect(await cluster.query(`SELECT 1 FROM "CitizenAccount" WHERE "nationalId" = $1`, [CITIZEN.nationalId])).toHaveLength(1);
    expect(expectEachStepOnAnotherServer(citizen).size).toBe(3);
  });

  it("signs in, sends documents ahead and files a dependent enrolment; the documents are in the object store", async () => {
    const from = citizen.journal.length;
    citizen.cookies.clear();
    expectRedirect(
      await citizen.submit("/login", [
        ["nationalId", CITIZEN.nationalId],
        ["password", PASSWORD],
      ]),
      /\/account/,
    );
    const checked = await citizen.submit("/account/dependents/new", [
      ["dependentNationalId", SON.nationalId],
      ["dependentBirthDate", SON.birthDate],
      ["relationship", "SON"],
    ]);
    expect(checked.status, textOf(checked.html).slice(0, 400)).toBe(200);
    const { formWith } = await import("@/tests/security/support/forms");
    const form = formWith(checked.html, "step");
    expect(form.files.length).toBeGreaterThan(0);
    // The page's script sends each file ahead and the form carries its token instead.
    const staged: [string, string][] = [];
    for (const name of form.files) staged.push([`${name}__staged`, await citizen.sendAhead(pdfFile(`${name}.pdf`))]);
    const filed = await citizen.post("/account/dependents/new", form, staged);
    const location = expectRedirect(filed, /\/account\/requests\/[0-9a-f-]{36}\?filed=1$/);
    requestId = /requests\/([0-9a-f-]{36})/.exec(location)![1]!;
    expectEachStepOnAnotherServer(citizen, from);

    const documents = await cluster.query<{ storageKey: string }>(`SELECT "storageKey" FROM "RequestDocument" WHERE "requestId" = $1`, [requestId]);
    expect(documents).toHaveLength(form.files.length);
    const s3 = new S3Client({ region: "us-east-1", endpoint: cluster.s3.endpoint, forcePathStyle: true, credentials: S3_TEST_CREDENTIALS });
    for (const { storageKey } of documents) {
      const object = await s3.send(new GetObjectCommand({ Bucket: cluster.s3.bucket, Key: `documents/${storageKey}` }));
      expect((await object.Body!.transformToString("latin1")).startsWith("%PDF-")).toBe(true);
    }
    expect(await cluster.query(`SELECT 1 FROM "PendingUpload"`)).toHaveLength(0);
  });

  it("an officer claims it, opens the documents and approves, each step on another server", async () => {
    const officer = new Visitor(cluster.url);
    expectRedirect(await signInStaffMember(officer, OFFICER), /\/staff/);
    const page = `/staff/requests/${requestId}`;
    expectRedirect(await officer.press(page, "برداشتن درخواست"), new RegExp(page));
    const html = await officer.page(page);
    const links = [...new Set([...html.matchAll(/\/staff\/requests\/[0-9a-f-]{36}\/documents\/[0-9a-f-]{36}/g)].map((m) => m[0]))];
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      const document = await officer.get(link);
      expect(document.status).toBe(200);
      expect(document.html.startsWith("%PDF-")).toBe(true);
    }
    expectRedirect(await officer.submit(page, [["decision", "APPROVE"]]), new RegExp(page));
    expect(expectEachStepOnAnotherServer(officer).size).toBe(3);
    const [request] = await cluster.query<{ status: string }>(`SELECT status FROM "Request" WHERE id = $1`, [requestId]);
    expect(request!.status).toBe("APPROVED");
    expect(await cluster.query(`SELECT 1 FROM "Coverage" WHERE "dependentNationalId" = $1`, [SON.nationalId])).toHaveLength(1);
    const views = await cluster.query(`SELECT 1 FROM "AuditEntry" WHERE "requestId" = $1 AND action = 'VIEW_DOCUMENT'`, [requestId]);
    expect(views.length).toBe(links.length);
  });

  it("sign-out on one server ends the session on every server", async () => {
    const before = await citizen.get("/account");
    expect(before.status).toBe(200);
    expectRedirect(await citizen.press("/account", "خروج"), /\/(login)?$/);
    // The old cookie, replayed on each server in turn, no longer opens the account.
    const replay = new Visitor(cluster.url);
    for (const [name, value] of citizen.cookies) replay.cookies.set(name, value);
    const seen = new Set<string>();
    for (let n = 0; n < 3; n++) {
      const answer = await replay.get("/account");
      seen.add(answer.servedBy);
      expect(answer.status, `server ${answer.servedBy} still served the account`).not.toBe(200);
    }
    expect(seen.size).toBe(3);
  });

  it("the sign-in lockout holds across servers", async () => {
    const attacker = new Visitor(cluster.url);
    const answers = [];
    for (let n = 0; n < 6; n++) {
      answers.push(
        await attacker.submit("/login", [
          ["nationalId", CITIZEN.nationalId],
          ["password", `wrong-password-${n}`],
        ]),
      );
    }
    expect(new Set(answers.map((a) => a.servedBy)).size).toBe(3);
    // Five failures spread over three servers lock the account, on all of them, even for the right password.
    const locked = await attacker.submit("/login", [
      ["nationalId", CITIZEN.nationalId],
      ["password", PASSWORD],
    ]);
    expect(locked.status).toBe(200);
    expect(textOf(locked.html)).toContain("به دلیل چند تلاش ناموفق، ورود با این حساب تا");
  });

  it("one server killed with SIGKILL mid-run: HAProxy takes it out, and nothing is lost or half-saved", async () => {
    const visitor = new Visitor(cluster.url);
    expectRedirect(
      await visitor.submit("/login", [
        ["nationalId", "0012345679"],
        ["password", STAFF_PASSWORD],
      ]),
      /\/account/,
    );
    const { formWith } = await import("@/tests/security/support/forms");
    const victim = cluster.servers[1]!;
    const posts: Promise<{ ok: boolean; submissionId: string }>[] = [];
    for (let n = 0; n < 24; n++) {
      const form = formWith(await visitor.page("/account/requests/new"), "submissionId");
      const submissionId = form.hidden.find(([name]) => name === "submissionId")![1];
      posts.push(
        visitor
          .post("/account/requests/new", form, [
            ["domain", "INSURANCE"],
            ["subject", `پرسش شماره ${n + 1}`],
            ["body", "سابقه بیمه من در سال ۱۴۰۰ ثبت نشده است."],
            ["attachment", pdfFile(`history-${n}.pdf`)],
          ])
          .then(
            (answer) => ({ ok: answer.status === 303, submissionId }),
            () => ({ ok: false, submissionId }),
          ),
      );
      if (n === 8) {
        await victim.kill();
        figures.killedMidRun = 1;
      }
    }
    const results = await Promise.all(posts);
    figures.acceptedDuringKill = results.filter((r) => r.ok).length;
    figures.failedDuringKill = results.length - figures.acceptedDuringKill;

    // HAProxy's health checks notice within a second or two; from then on every request lands on the two others.
    await expect.poll(() => cluster.serversUp(), { timeout: 15_000, interval: 200 }).toEqual(["s1", "s3"]);
    const after = new Visitor(cluster.url);
    for (let n = 0; n < 6; n++) expect((await after.get("/login")).status).toBe(200);
    expect(new Set(after.journal.map((step) => step.servedBy))).toEqual(new Set(["s1", "s3"]));

    // Every accepted question is complete: its event and its document, whose object exists.
    expect(figures.acceptedDuringKill).toBeGreaterThan(12);
    for (const { ok, submissionId } of results) {
      const rows = await cluster.query<{ id: string }>(`SELECT id FROM "Request" WHERE "submissionId" = $1`, [submissionId]);
      if (ok) expect(rows, `accepted ${submissionId} is missing`).toHaveLength(1);
    }
    const halfSaved = await cluster.query(
      `SELECT r.id FROM "Request" r WHERE NOT EXISTS (SELECT 1 FROM "RequestEvent" e WHERE e."requestId" = r.id)
       UNION ALL SELECT r.id FROM "Request" r WHERE r.kind = 'QUESTION' AND r."submissionId" IS NOT NULL AND r.subject LIKE 'پرسش شماره%' AND NOT EXISTS (SELECT 1 FROM "RequestDocument" d WHERE d."requestId" = r.id)`,
    );
    expect(halfSaved).toEqual([]);
    const s3 = new S3Client({ region: "us-east-1", endpoint: cluster.s3.endpoint, forcePathStyle: true, credentials: S3_TEST_CREDENTIALS });
    const keys = await cluster.query<{ storageKey: string }>(`SELECT "storageKey" FROM "RequestDocument"`);
    for (const { storageKey } of keys) {
      await expect(s3.send(new GetObjectCommand({ Bucket: cluster.s3.bucket, Key: `documents/${storageKey}` }))).resolves.toBeTruthy();
    }
  });

  it("logs one JSON line per request with its request id, route, status, duration and visitor, masked", async () => {
    const visitor = new Visitor(cluster.url);
    const answer = await visitor.get(`/track?nationalId=${CITIZEN.nationalId}`, { "X-Request-Id": "cluster-test-request-0001" });
    expect(answer.requestId).toBe("cluster-test-request-0001");
    const haproxyMade = await visitor.get("/login");
    expect(haproxyMade.requestId).toMatch(/^[0-9A-F]{8,}/);
    // An id the portal would not keep is replaced by HAProxy's own, so both logs name the request alike.
    const replaced = await visitor.get("/login", { "X-Request-Id": "not an id!" });
    expect(replaced.requestId).toMatch(/^[0-9A-F]{8,}$/);
    const readLines = () =>
      cluster.servers
        .flatMap((server) => server.log().split("\n"))
        .filter((line) => line.trim() !== "");
    // A server writes a request's line once the answer has gone, and its logger writes asynchronously:
    // wait (5 s at most) for the line of the last request before reading them all.
    await expect
      .poll(() => readLines().some((line) => line.includes(`"reqId":"${replaced.requestId}"`) && line.includes('"msg":"request"')), { timeout: 5_000, interval: 100 })
      .toBe(true);
    const lines = readLines();
    const parsed = lines.map((line) => {
      try {
        return JSON.parse(line) as Record<string, unknown>;
      } catch {
        throw new Error(`a log line is not JSON: ${line.slice(0, 200)}`);
      }
    });
    const ours = parsed.find((line) => line.reqId === "cluster-test-request-0001" && line.msg === "request");
    expect(ours).toMatchObject({ method: "GET", route: "/track", status: 200, visitor: "anonymous", level: "info" });
    expect(ours!.durationMs).toEqual(expect.any(Number));
    expect(String(ours!.path)).toBe("/track");
    const text = lines.join("\n");
    for (const secret of [CITIZEN.nationalId, CITIZEN.mobile!, PASSWORD, STAFF_PASSWORD]) expect(text).not.toContain(secret);
    expect(parsed.some((line) => line.msg === "request" && line.visitor === "staff")).toBe(true);
    expect(parsed.some((line) => line.msg === "request" && line.visitor === "citizen")).toBe(true);
    // HAProxy's own line of each request carries the same id (docs/deploy/haproxy.cfg), whoever made
    // it, and the path without its query: no national id or mobile number in the balancer's log either.
    const haproxyLog = () => fs.readFileSync(path.join(cluster.workDir, "haproxy.log"), "utf8");
    /** HAProxy writes a request's line once it has ended: wait (5 s at most) for the line of this id. */
    const haproxyLogged = async (requestId: string) => {
      await expect.poll(() => haproxyLog().includes(`{${requestId}|`), { timeout: 5_000, interval: 100 }).toBe(true);
      return haproxyLog();
    };
    const logged = (await haproxyLogged(replaced.requestId!)).split("\n");
    expect(logged.find((line) => line.includes("{cluster-test-request-0001|"))).toMatch(/ portal_servers\/s\d .* 200 .* GET \{cluster-test-request-0001\|\/track\}$/);
    expect(logged.find((line) => line.includes(`{${haproxyMade.requestId}|`))).toMatch(/ portal_servers\/s\d .* 200 .* GET \{[0-9A-F]+\|\/login\}$/);
    expect(logged.some((line) => line.includes(`{${replaced.requestId}|/login}`))).toBe(true);
    expect(parsed.some((line) => line.reqId === replaced.requestId && line.msg === "request")).toBe(true);
    expect(haproxyLog()).not.toContain("not an id!");
    // A national id in the path itself (a signed-out visitor is sent to the staff sign-in page).
    const filedFor = await visitor.get(`/staff/file-on-behalf/${CITIZEN.nationalId}`, { "X-Request-Id": "cluster-test-request-0002" });
    expect(filedFor.status).toBeLessThan(400);
    expect(await haproxyLogged("cluster-test-request-0002")).toContain("{cluster-test-request-0002|/staff/file-on-behalf/******}");
    for (const secret of [CITIZEN.nationalId, CITIZEN.mobile!]) expect(haproxyLog()).not.toContain(secret);
  });
  it("the worker alone delivers every notice, once, the killed server's included; it serves nothing but health and metrics", async () => {
    // Notices wait for the worker; one-time codes are sent at once by the server that makes them.
    const notices = `FROM "SmsMessage" WHERE kind <> 'ONE_TIME_CODE'`;
    const undelivered = async () => (await cluster.query<{ n: number }>(`SELECT count(*)::int AS n ${notices} AND status <> 'SENT'`))[0]!.n;
    await expect.poll(undelivered, { timeout: 30_000, interval: 250 }).toBe(0);
    const sent = await cluster.query<{ to: string; body: string }>(`SELECT "to", body ${notices}`);
    // The questions filed while a server was killed, each with its notice.
    expect(sent.length).toBeGreaterThan(12);
    for (const { to, body } of sent) {
      expect(cluster.external.sms.filter((message) => message.to === to && message.text === body), `${to}: ${body}`).toHaveLength(1);
    }
    // Every notice was delivered by the worker: the servers took no job.
    const scrape = await fetch(`http://127.0.0.1:${cluster.worker.port}/api/metrics`, { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(scrape.status).toBe(200);
    expect(await scrape.text()).toContain(`portal_sms_messages_total{outcome="sent"} ${sent.length}\n`);
    expect((await fetch(`http://127.0.0.1:${cluster.worker.port}/api/health/ready`)).status).toBe(200);
    for (const page of ["/", "/login", "/staff/requests"]) {
      expect((await fetch(`http://127.0.0.1:${cluster.worker.port}${page}`, { redirect: "manual" })).status, page).toBe(404);
    }
  });

  // Last: the questions filed above are open requests of branch 1201.
  it("serves its metrics to the token holder only", async () => {
    // The balancer refuses them to anyone outside the monitoring network (docs/deploy/haproxy.cfg), token or not.
    const visitor = new Visitor(cluster.url);
    expect((await visitor.get("/api/metrics")).status).toBe(403);
    expect((await visitor.get("/api/metrics", { Authorization: `Bearer ${METRICS_TOKEN}` })).status).toBe(403);
    // A server asked directly wants the token.
    const direct = `http://127.0.0.1:${cluster.servers[0]!.port}/api/metrics`;
    expect((await fetch(direct)).status).toBe(401);
    expect((await fetch(direct, { headers: { Authorization: "Bearer wrong-token-wrong-token-wrong-token" } })).status).toBe(401);
    // Each server counts its own requests: Prometheus scrapes every server, not the balancer.
    const running = cluster.servers.filter((server) => server.process.exitCode === null && server.process.signalCode === null);
    expect(running.map((server) => server.name)).toEqual(["s1", "s3"]);
    // And the worker: the notices' deliveries are counted there.
    const scrapes = await Promise.all(
      [...running, cluster.worker].map(async (server) => {
        const response = await fetch(`http://127.0.0.1:${server.port}/api/metrics`, { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } });
        expect(response.status).toBe(200);
        expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
        return response.text();
      }),
    );
    const metrics = { html: scrapes.join("\n") };
    for (const series of [
      /portal_http_request_duration_seconds_bucket\{le="[\d.]+",method="GET",route="\/login",status="200"\}/,
      /portal_db_query_duration_seconds_count\{outcome="ok"\} [1-9]/,
      /portal_sms_messages_total\{outcome="sent"\} \d/,
      /portal_storage_operations_total\{operation="(put|get)",outcome="ok"\} [1-9]/,
      /portal_sign_in_failures_total\{account="citizen",reason="(INVALID|LOCKED)"\} [1-9]/,
      /portal_requests_open\{branch="\d{4}"\} \d/,
      /portal_process_resident_memory_bytes \d/,
      /portal_nodejs_eventloop_lag_seconds \d/,
    ]) {
      expect(metrics.html).toMatch(series);
    }
  });
});
