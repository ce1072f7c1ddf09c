import crypto from "node:crypto";
import autocannon from "autocannon";
import { generate } from "otplib";
import { processCpuMs } from "./cpu";
import { actionFormFields, multipartBody } from "./html";

/**
 * Signs in once through the page's own form, as a browser without JavaScript
 * would; returns the Cookie header. Staff then type their authenticator's code
 * (`totpSecret`: the demo's seeded secret).
 */
export async function signIn(baseUrl: string, page: "/login" | "/staff/login", fields: Record<string, string>, totpSecret?: string): Promise<string> {
  const post = async (path: string, field: string, values: Record<string, string>, cookie?: string) => {
    const html = await (await fetch(`${baseUrl}${path}`, { headers: cookie ? { cookie } : {} })).text();
    const form = new FormData();
    for (const [name, value] of actionFormFields(html, field)) form.append(name, value);
    for (const [name, value] of Object.entries(values)) form.append(name, value);
    return fetch(`${baseUrl}${path}`, { method: "POST", body: form, redirect: "manual", headers: { origin: baseUrl, ...(cookie ? { cookie } : {}) } });
  };
  let res = await post(page, "password", fields);
  const challenge = res.headers.getSetCookie().find((c) => c.startsWith("tamin.challenge="));
  if (res.status === 303 && challenge && totpSecret) {
    res = await post(`${page}/code`, "code", { code: await generate({ secret: totpSecret }) }, challenge.split(";")[0]);
  }
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith("tamin.session="));
  if (res.status !== 303 || !cookie) throw new Error(`signing in at ${page} failed (HTTP ${res.status})`);
  return cookie.split(";")[0]!;
}

/** Fetches a page and checks that it is the page meant (not a redirect to sign-in, not an error). */
export async function expectPage(url: string, cookie: string | undefined, mustContain: string): Promise<string> {
  const res = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: "manual" });
  const html = await res.text();
  if (res.status !== 200 || !html.includes(mustContain)) throw new Error(`${url} answered ${res.status} without «${mustContain}»`);
  return html;
}

export type LoadResult = {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  ok: number;
  failed: number;
  /** The server's CPU time per request served (ms), when its process id was given and /proc can be read. */
  cpuMsPerRequest: number | null;
  /** Requests answered in all (ok or not) and the server's CPU time meanwhile, to combine runs. */
  total: number;
  cpuMs: number | null;
};

type Load = {
  url: string;
  connections: number;
  seconds: number;
  warmupSeconds: number;
  headers?: Record<string, string>;
  /** A POST whose body is built anew for each request. */
  post?: () => { body: string; contentType: string };
  expectStatus?: number;
  /** The server process, whose CPU time is read from /proc around the measured run. */
  serverPid?: number;
  /** Called as the measured run starts (after the warm-up), e.g. to mark where the server's log stands. */
  onMeasureStart?: () => void;
};

function run({ url, connections, seconds, headers = {}, post }: Omit<Load, "warmupSeconds" | "expectStatus" | "serverPid" | "onMeasureStart">) {
  return autocannon({
    url,
    connections,
    duration: seconds,
    headers,
    ...(post
      ? {
          method: "POST" as const,
          requests: [
            {
              method: "POST" as const,
              setupRequest: (request: autocannon.Request) => {
                const { body, contentType } = post();
                return { ...request, body, headers: { ...headers, ...request.headers, "content-type": contentType } };
              },
            },
          ],
        }
      : {}),
  });
}

/** Load that is not measured: wakes a fresh server's code up. */
export async function warmUp(load: Omit<Load, "warmupSeconds" | "expectStatus" | "serverPid" | "onMeasureStart">): Promise<void> {
  await run(load);
}

/** Warm-up (discarded), then the measured run: requests per second, p50 and p99 latency in ms. */
export async function measureLoad(load: Load): Promise<LoadResult> {
  await run({ ...load, seconds: load.warmupSeconds });
  const cpuBefore = processCpuMs(load.serverPid);
  load.onMeasureStart?.();
  const result = await run(load);
  const cpuAfter = processCpuMs(load.serverPid);
  const expected = String(load.expectStatus ?? 200);
  const ok = result.statusCodeStats?.[expected as keyof typeof result.statusCodeStats]?.count ?? 0;
  const failed = result.requests.total - ok + result.errors + result.timeouts;
  return {
    requestsPerSecond: ok / load.seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok,
    failed,
    total: result.requests.total,
    cpuMs: cpuBefore !== null && cpuAfter !== null ? cpuAfter - cpuBefore : null,
    // Steadier than req/s on a shared machine: the pinned server's own CPU time, whatever else ran meanwhile.
    cpuMsPerRequest: cpuBefore !== null && cpuAfter !== null && result.requests.total > 0 ? (cpuAfter - cpuBefore) / result.requests.total : null,
  };
}

/** Several runs of one page as one result: rates and CPU from the sums, latencies as the mean of the runs'. */
export function combineRuns(runs: readonly LoadResult[], secondsEach: number): LoadResult {
  if (runs.length === 0) throw new Error("no runs to combine");
  const sum = (pick: (r: LoadResult) => number) => runs.reduce((a, r) => a + pick(r), 0);
  const total = sum((r) => r.total);
  const cpuMs = runs.every((r) => r.cpuMs !== null) ? sum((r) => r.cpuMs!) : null;
  return {
    requestsPerSecond: sum((r) => r.ok) / (secondsEach * runs.length),
    p50: sum((r) => r.p50) / runs.length,
    p99: sum((r) => r.p99) / runs.length,
    ok: sum((r) => r.ok),
    failed: sum((r) => r.failed),
    total,
    cpuMs,
    cpuMsPerRequest: cpuMs !== null && total > 0 ? cpuMs / total : null,
  };
}

/**
 * A page and the baseline in alternating slices (baseline, page, baseline, page...),
 * each slice after a short warm-up: each ratio then compares runs a few seconds
 * apart, so a machine whose speed drifts during the benchmark (these shared
 * machines do, by a third within minutes) does not move the ratio.
 */
export async function measurePaired(
  load: (target: "page" | "baseline", seconds: number, warmupSeconds: number) => Promise<LoadResult>,
  {
    slices,
    sliceSeconds,
    warmupSeconds,
    alternate,
  }: {
    slices: number;
    sliceSeconds: number;
    warmupSeconds: number;
    /** Swap which goes first in every other pair ("page-first" starts with the page): baseline, page, page, baseline... */
    alternate?: "baseline-first" | "page-first";
  },
): Promise<{ page: LoadResult; baseline: LoadResult }> {
  const page: LoadResult[] = [];
  const baseline: LoadResult[] = [];
  for (let i = 0; i < slices; i++) {
    const pageFirst = alternate !== undefined && (i % 2 === 0) === (alternate === "page-first");
    if (pageFirst) page.push(await load("page", sliceSeconds, warmupSeconds));
    baseline.push(await load("baseline", sliceSeconds, warmupSeconds));
    if (!pageFirst) page.push(await load("page", sliceSeconds, warmupSeconds));
  }
  return { page: combineRuns(page, sliceSeconds), baseline: combineRuns(baseline, sliceSeconds) };
}

/** Where the question form lives; a filing made without JavaScript answers with a redirect (303) to the new request. */
export const QUESTION_FORM_PATH = "/account/requests/new";
export const QUESTION_FILED_STATUS = 303;
/** What the question form's page shows (its heading). */
export const QUESTION_FORM_SHOWS = "ثبت پرسش یا درخواست";

/** The question form's body as `cookie`'s holder is shown it (questionFormPost), filed once to check that it files. */
export async function checkedQuestionPost(baseUrl: string, cookie: string): Promise<() => { body: string; contentType: string }> {
  const url = `${baseUrl}${QUESTION_FORM_PATH}`;
  const post = questionFormPost(await expectPage(url, cookie, QUESTION_FORM_SHOWS));
  await expectFiled(url, cookie, post);
  return post;
}

/** Posts once and checks the action answered with the redirect to the new request (not to sign-in, not an error). */
async function expectFiled(url: string, cookie: string, post: () => { body: string; contentType: string }) {
  const { body, contentType } = post();
  const res = await fetch(url, { method: "POST", body, redirect: "manual", headers: { cookie, origin: new URL(url).origin, "content-type": contentType } });
  const location = res.headers.get("location") ?? "";
  if (res.status !== QUESTION_FILED_STATUS || !/^\/account\/requests\/[0-9a-f-]{36}\?filed=1$/.test(location)) {
    throw new Error(`the question form answered ${res.status} ${location}, not the redirect to a new request`);
  }
}

/** The question form posted without JavaScript, each time with a new submissionId (the same id twice files once). */
function questionFormPost(formHtml: string) {
  const fields = actionFormFields(formHtml, "subject").filter(([name]) => name !== "submissionId");
  if (!fields.some(([name]) => name.startsWith("$ACTION_"))) throw new Error("no server-action form on the question page");
  const boundary = `----bench${crypto.randomBytes(8).toString("hex")}`;
  const contentType = `multipart/form-data; boundary=${boundary}`;
  return () => ({
    contentType,
    body: multipartBody(
      [
        ...fields,
        ["submissionId", crypto.randomUUID()],
        ["domain", "INSURANCE"],
        ["subject", "سابقه بیمه"],
        ["body", "سابقه پرداخت حق بیمه سال ۱۳۹۸ من در پرونده دیده نمی‌شود؛ لطفاً بررسی کنید."],
      ],
      boundary,
    ),
  });
}
