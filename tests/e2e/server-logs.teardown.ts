import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";

// After the whole browser suite (sign-ins, registrations with one-time codes,
// password resets, uploads, staff decisions): nothing the server logged may
// hold a password, a one-time code or a full national ID.
test("the server logged no password, one-time code or full national ID", async ({ request }) => {
  const logPath = path.join(process.env.E2E_DATA_DIR ?? "", "server.log");
  expect(fs.existsSync(logPath), `no server log at ${logPath}`).toBe(true);
  const log = fs.readFileSync(logPath, "utf8");

  const toAscii = (s: string) => s.replace(/[۰-۹]/g, (d) => String("۰۱۲۳۴۵۶۷۸۹".indexOf(d)));
  const outbox = toAscii(await (await request.get("/dev/outbox")).text());
  const codes = [...new Set([...outbox.matchAll(/(?<!\d)(\d{6})(?!\d)/g)].map((m) => m[1]!))];
  const registry = JSON.parse(fs.readFileSync(path.resolve("prisma/fixtures/civil-registry.json"), "utf8")) as { nationalId: string }[];
  const secrets = [
    { kind: "password", values: ["Tamin-Demo-1405", "saffron fields in late autumn", "walnut trees by the old bridge", "a quiet river at dawn", "key-1028765967-x", "x6658477736y"] },
    { kind: "national ID", values: registry.map((p) => p.nationalId) },
    { kind: "one-time code", values: codes },
  ];
  const found = secrets.flatMap(({ kind, values }) => values.filter((v) => log.includes(v)).map((v) => `${kind} ${v.slice(0, 2)}…`));
  console.log(`server log: ${log.split("\n").length} lines checked against ${secrets.reduce((n, s) => n + s.values.length, 0)} secrets (${codes.length} one-time codes)`);
  expect(found).toEqual([]);
});
