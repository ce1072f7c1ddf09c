// One production server of the build (`npm run serve`) on its own: it refuses
// unsafe settings, reports its health, does not migrate unless told to, and
// stops gracefully on SIGTERM.
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HeadObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { S3_TEST_CREDENTIALS, startS3TestServer, type S3TestServer } from "@/tests/support/s3-test-server";
import { startExternalSystems, type ExternalSystems } from "./support/external-systems";
import { productionEnv, root, runCommand, startPortalServer, type PortalServer } from "./support/cluster";

const PORT = 3620;
const DB_PROXY_PORT = 3630;
const adminUrl = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

/** A TCP proxy in front of PostgreSQL that the test can cut, as if the database went down. */
async function startDatabaseProxy(port: number) {
  const target = new URL(adminUrl);
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  const open = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(Number(target.port || 5432), target.hostname);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on("close", () => sockets.delete(socket));
          socket.on("error", () => undefined);
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, "127.0.0.1", () => resolve());
    });
  const close = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server?.close(() => resolve());
    });
  await open();
  return { open, close };
}

describe("a production server of the build", () => {
  let workDir: string;
  let s3: S3TestServer;
  let external: ExternalSystems;
  let databaseName: string;
  let proxy: Awaited<ReturnType<typeof startDatabaseProxy>>;
  let env: Record<string, string>;
  let server: PortalServer | undefined;

  beforeAll(async () => {
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-server-"));
    s3 = await startS3TestServer({ port: 3650 });
    external = await startExternalSystems(3651);
    databaseName = `cluster_${crypto.randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${databaseName}"`);
    await admin.end();
    proxy = await startDatabaseProxy(DB_PROXY_PORT);
    env = productionEnv({ databaseUrl: `postgresql://postgres@127.0.0.1:${DB_PROXY_PORT}/${databaseName}`, external, s3, workDir });
  });
  afterAll(async () => {
    await server?.kill();
    await proxy?.close();
    await external?.close();
    await s3?.close();
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
    await admin.end();
    fs.rmSync(workDir, { recursive: true, force: true });
  });

  /** Starts the server (with `command`, such as `jobs-cutover`) and `settings`, and waits for it to exit; its exit code and output. */
  function runServerUntilExit(settings: Record<string, string>, command?: string): Promise<{ code: number | null; output: string }> {
    const child = spawn(process.execPath, [path.join(root, ".next/standalone/portal-server.mjs"), ...(command ? [command] : [])], {
      cwd: root,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, PORT: String(PORT), ...settings } as unknown as NodeJS.ProcessEnv,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    return new Promise((resolve) => child.once("exit", (code) => (clearTimeout(timer), resolve({ code, output }))));
  }

  it("refuses to start with the demo defaults, naming every missing setting on a line of its own", async () => {
    const { code, output } = await runServerUntilExit({});
    expect(code).toBe(1);
    const lines = output.trim().split("\n").filter((line) => line.startsWith("Invalid configuration: "));
    expect(lines.map((line) => line.split(" ")[2])).toEqual([
      "DATABASE_URL",
      "NEXTAUTH_SECRET",
      "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY",
      "NEXTAUTH_URL",
      "SMS_PROVIDER",
      "EMAIL_PROVIDER",
      "CIVIL_REGISTRY_PROVIDER",
      "MOBILE_OWNERSHIP_PROVIDER",
      "STORAGE_PROVIDER",
      "TRUST_PROXY",
    ]);
    // And nothing listens.
    await expect(fetch(`http://127.0.0.1:${PORT}/api/health/live`)).rejects.toThrow();
  });

  it.each([
    ["SEED_DEMO", { SEED_DEMO: "true" }],
    ["SMS_PROVIDER", { SMS_PROVIDER: "outbox" }],
    ["EMAIL_PROVIDER", { EMAIL_PROVIDER: "outbox" }],
    ["STORAGE_PROVIDER", { STORAGE_PROVIDER: "local" }],
    ["NEXTAUTH_SECRET", { NEXTAUTH_SECRET: "" }],
    ["TRUST_PROXY", { TRUST_PROXY: "" }],
  ])("refuses to start when only %s is unsafe", async (setting, change) => {
    const { code, output } = await runServerUntilExit({ ...env, ...change });
    expect(code).toBe(1);
    expect(output.trim().split("\n").filter((line) => line.startsWith("Invalid configuration: "))).toEqual([expect.stringMatching(new RegExp(`^Invalid configuration: ${setting} `))]);
  });

  it("does not migrate on start in production: not ready until the release step has run", async () => {
    server = await startPortalServer({ name: "lonely", port: PORT, env, workDir, waitReady: false });
    const base = `http://127.0.0.1:${PORT}`;
    let live: Response | undefined;
    for (let n = 0; n < 300 && !live; n++) live = await fetch(`${base}/api/health/live`).catch(() => new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 200)));
    expect(live!.status).toBe(200);
    const ready = await fetch(`${base}/api/health/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: "not ready", checks: { database: "ok", migrations: "pending", storage: "ok" } });

    const migrated = await runCommand("scripts/db-migrate.ts", env);
    expect(migrated.code, migrated.output).toBe(0);
    expect((await fetch(`${base}/api/health/ready`)).status).toBe(200);
  });

  it("takes over pg-boss 10's waiting messages with `jobs-cutover` inside the image, once", async () => {
    const admin = new pg.Client({ connectionString: adminUrl.replace(/\/[^/]*$/, `/${databaseName}`) });
    await admin.connect();
    try {
      // What pg-boss 10 leaves (docs/decisions/031), and a notice still waiting in the outbox.
      await admin.query(`CREATE SCHEMA pgboss`);
      await admin.query(
        `INSERT INTO "SmsMessage" (id, "to", body, provider, status, kind, "nextAttemptAt") VALUES (gen_random_uuid(), '09120000001', 'پیام', 'http', 'QUEUED', 'REQUEST_RECEIVED', now())`,
      );
      const first = await runServerUntilExit(env, "jobs-cutover");
      expect(first.code, first.output).toBe(0);
      expect(first.output).toContain("pg-boss 10's jobs taken over: 1 text message(s) and 0 email(s) queued again; schema pgboss dropped");
      expect((await admin.query(`SELECT count(*)::int AS n FROM job_queue.job WHERE name = 'sms-delivery'`)).rows).toEqual([{ n: 1 }]);
      expect((await admin.query(`SELECT 1 FROM pg_namespace WHERE nspname = 'pgboss'`)).rowCount).toBe(0);
      const second = await runServerUntilExit(env, "jobs-cutover");
      expect(second.code, second.output).toBe(0);
      expect(second.output).toContain("Nothing to take over");
    } finally {
      await admin.end();
    }
  });

  it("queues the due dates' recompute when `migrate` inside the image ships another calendar", async () => {
    const admin = new pg.Client({ connectionString: adminUrl.replace(/\/[^/]*$/, `/${databaseName}`) });
    await admin.connect();
    try {
      // The database as the release before left it: without the migration that ships the 1406 holidays
      // (docs/decisions/032), so the image's release step applies it again.
      await admin.query(`DELETE FROM "_prisma_migrations" WHERE migration_name = '20261201220000_official_holidays_1404_1406'`);
      await admin.query(`DELETE FROM "Holiday" WHERE date = '2027-03-21'`);
      const before = (await admin.query(`SELECT count(*)::int AS n FROM job_queue.job WHERE name = 'due-date-recompute'`)).rows[0].n;
      const migrated = await runServerUntilExit(env, "migrate");
      expect(migrated.code, migrated.output).toBe(0);
      expect(migrated.output).toContain("Applied 1 migration(s) to the PostgreSQL: 20261201220000_official_holidays_1404_1406");
      expect(migrated.output).toContain("Due dates: a recompute of the open requests on the new calendar is queued for the job queue's workers.");
      expect((await admin.query(`SELECT count(*)::int AS n FROM job_queue.job WHERE name = 'due-date-recompute'`)).rows[0].n).toBe(before + 1);
      expect((await admin.query(`SELECT title FROM "Holiday" WHERE date = '2027-03-21'`)).rows).toEqual([{ title: "عید نوروز" }]);
      // Nothing left to apply: nothing queued.
      const again = await runServerUntilExit(env, "migrate");
      expect(again.code, again.output).toBe(0);
      expect(again.output).not.toContain("Due dates:");
      expect((await admin.query(`SELECT count(*)::int AS n FROM job_queue.job WHERE name = 'due-date-recompute'`)).rows[0].n).toBe(before + 1);
    } finally {
      await admin.end();
    }
  });

  it("runs the storage sweep by hand with `storage-clean-up` inside the image", async () => {
    const admin = new pg.Client({ connectionString: adminUrl.replace(/\/[^/]*$/, `/${databaseName}`) });
    await admin.connect();
    const bucket = new S3Client({ region: "us-east-1", endpoint: s3.endpoint, forcePathStyle: true, credentials: S3_TEST_CREDENTIALS });
    try {
      // A document sent ahead of a form that never came: its time is up, its file still in the bucket.
      const storageKey = crypto.randomBytes(16).toString("hex");
      await bucket.send(new PutObjectCommand({ Bucket: s3.bucket, Key: `documents/${storageKey}`, Body: "%PDF-1.4 sent ahead" }));
      await admin.query(
        `INSERT INTO "PendingUpload" (id, "citizenId", "storageKey", "fileName", "mimeType", "sizeBytes", "expiresAt") VALUES (gen_random_uuid(), gen_random_uuid(), $1, 'birth.pdf', 'application/pdf', 19, now() - interval '1 hour')`,
        [storageKey],
      );
      const cleaned = await runServerUntilExit(env, "storage-clean-up");
      expect(cleaned.code, cleaned.output).toBe(0);
      expect(cleaned.output).toMatch(/^Storage clean-up: 1 expired document\(s\) sent ahead of a form that never came, /m);
      expect((await admin.query(`SELECT 1 FROM "PendingUpload" WHERE "storageKey" = $1`, [storageKey])).rowCount).toBe(0);
      await expect(bucket.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: `documents/${storageKey}` }))).rejects.toMatchObject({ name: "NotFound" });
    } finally {
      bucket.destroy();
      await admin.end();
    }
  });

  it("is live but not ready while the database is down, and ready again when it is back", async () => {
    const base = `http://127.0.0.1:${PORT}`;
    await proxy.close();
    const down = await fetch(`${base}/api/health/ready`);
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ checks: { database: "unreachable" } });
    expect((await fetch(`${base}/api/health/live`)).status).toBe(200);
    await proxy.open();
    let status = 0;
    for (let n = 0; n < 50 && status !== 200; n++) {
      status = (await fetch(`${base}/api/health/ready`)).status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(status).toBe(200);
  });

  it("on SIGTERM finishes the request in flight, refuses new connections and exits 0", async () => {
    const running = server!;
    // A slow sign-in form without JavaScript: its body arrives over two seconds.
    const boundary = "----portal-test-boundary";
    const part = (name: string, value: string) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
    const first = part("nationalId", "0012345679");
    const rest = `${part("password", "not-the-password")}--${boundary}--\r\n`;
    const inFlight = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = http.request(
        {
          host: "127.0.0.1",
          port: PORT,
          method: "POST",
          path: "/login",
          headers: { "Content-Type": `multipart/form-data; boundary=${boundary}`, "Content-Length": String(Buffer.byteLength(first + rest)), Origin: `http://127.0.0.1:${PORT}` },
        },
        (response) => {
          let body = "";
          response.on("data", (chunk) => (body += chunk));
          response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
        },
      );
      request.on("error", reject);
      request.write(first);
      setTimeout(() => request.end(rest), 2_000);
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const exited = running.terminate();
    await new Promise((resolve) => setTimeout(resolve, 500));
    await expect(fetch(`http://127.0.0.1:${PORT}/api/health/live`)).rejects.toThrow();
    const answer = await inFlight;
    // Answered in full after its body arrived (Next refuses a form post naming no action), not cut off.
    expect(answer.status).toBeGreaterThanOrEqual(200);
    expect(answer.status).toBeLessThan(500);
    expect(await exited).toBe(0);
    server = undefined;
    const log = running.log();
    expect(log).toContain('"msg":"shutting down: finishing the requests in flight"');
    expect(log).toMatch(/"method":"POST","route":"\/login","path":"\/login","status":\d{3}/);
    expect(log).toMatch(/"clean":true,"msg":"stopped"/);
  });
});
