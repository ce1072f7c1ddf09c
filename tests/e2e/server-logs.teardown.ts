import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";

// After the whole browser suite (sign-ins, registrations with one-time codes,
// password resets, uploads, staff decisions): nothing the server logged may
// hold a password, a one-time code or a full national ID, and every line is a
// JSON log line, one per request with its request id.
test("the server logged no password, one-time code or full national ID", async ({ request }) => {
  const logPath = path.join(process.env.E2E_DATA_DIR ?? "", "server.log");
  expect(fs.existsSync(logPath), `no server log at ${logPath}`).toBe(true);
  const log = fs.readFileSync(logPath, "utf8");

  const toAscii = (s: string) => s.replace(/[۰-۹]/g, (d) => String("۰۱۲۳۴۵۶۷۸۹".indexOf(d)));
  const outbox = toAscii(await (await request.get("/dev/outbox")).text());
  const codes = [...new Set([...outbox.matchAll(/(?<!\d)(\d{6})(?!\d)/g)].map((m) => m[1]!))];
  const registry = JSON.parse(fs.readFileSync(path.resolve("prisma/fixtures/civil-registry.json"), "utf8")) as { nationalId: string }[];
  // A number counts as a whole token only, in Latin or Persian digits: a six-digit code
  // also turns up by chance inside the hex of a request id (once in about four runs).
  const asciiLog = toAscii(log);
  const holdsNumber = (digits: string) => new RegExp(`(?<![0-9A-Za-z])${digits}(?![0-9A-Za-z])`).test(asciiLog);
  const secrets = [
    { kind: "password", values: ["Tamin-Demo-1405", "saffron fields in late autumn", "walnut trees by the old bridge", "a quiet river at dawn", "key-1028765967-x", "x6658477736y"], number: false },
    { kind: "national ID", values: registry.map((p) => p.nationalId), number: true },
    { kind: "one-time code", values: codes, number: true },
  ];
  const found = secrets.flatMap(({ kind, values, number }) =>
    values.filter((v) => (number ? holdsNumber(v) : log.includes(v))).map((v) => `${kind} ${v.slice(0, 2)}…`),
  );
  console.log(`server log: ${log.split("\n").length} lines checked against ${secrets.reduce((n, s) => n + s.values.length, 0)} secrets (${codes.length} one-time codes)`);
  expect(found).toEqual([]);
});

type LogLine = { level?: string; time?: string; msg?: string; reqId?: string; route?: string; status?: number; durationMs?: number; visitor?: string; method?: string };

test("every line the server wrote is JSON, with one line per request carrying its request id", async ({ request }) => {
  const requestId = `e2e-log-scan-${Date.now()}`;
  const answer = await request.get("/login", { headers: { "X-Request-Id": requestId } });
  expect(answer.headers()["x-request-id"]).toBe(requestId);
  const made = await request.get("/login");
  expect(made.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);

  const logPath = path.join(process.env.E2E_DATA_DIR ?? "", "server.log");
  let lines: LogLine[] = [];
  await expect(async () => {
    const text = fs.readFileSync(logPath, "utf8");
    lines = text
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => {
        try {
          return JSON.parse(line) as LogLine;
        } catch {
          throw new Error(`not a JSON log line: ${line.slice(0, 200)}`);
        }
      });
    expect(lines.some((line) => line.reqId === requestId)).toBe(true);
  }).toPass({ timeout: 10_000 });

  // Checked in plain code and asserted once: an expect per line (thousands of lines,
  // each recorded in the trace) took minutes.
  const levels = /^(trace|debug|info|warn|error|fatal)$/;
  const badLines = lines.filter((line) => !levels.test(line.level ?? "") || typeof line.time !== "string" || typeof line.msg !== "string");
  expect(badLines.map((line) => JSON.stringify(line).slice(0, 200))).toEqual([]);
  const requests = lines.filter((line) => line.msg === "request");
  expect(lines.find((line) => line.reqId === requestId && line.msg === "request")).toMatchObject({ method: "GET", route: "/login", status: 200, visitor: "anonymous" });
  const badRequests = requests.filter(
    (line) =>
      typeof line.reqId !== "string" ||
      typeof line.route !== "string" ||
      typeof line.status !== "number" ||
      typeof line.durationMs !== "number" ||
      !["anonymous", "citizen", "staff"].includes(line.visitor ?? "") ||
      // Addresses are logged by their page's pattern: no id or national ID in a route.
      /\d{6,}|[0-9a-f]{8}-[0-9a-f]{4}/.test(line.route),
  );
  expect(badRequests.map((line) => JSON.stringify(line).slice(0, 200))).toEqual([]);
  // Pages only signed-in people see were served to signed-in visitors of that
  // kind (some of their lines are prefetches, answered without the session).
  const visitorsOf = (prefix: string) => new Set(requests.filter((line) => line.status === 200 && line.route!.startsWith(prefix)).map((line) => line.visitor));
  if (visitorsOf("/account").size > 0) expect(visitorsOf("/account")).toContain("citizen");
  if (visitorsOf("/staff/requests").size > 0) expect(visitorsOf("/staff/requests")).toContain("staff");
  expect(visitorsOf("/account")).not.toContain("staff");
  console.log(`server log: ${lines.length} JSON lines, ${requests.length} requests`);
});
