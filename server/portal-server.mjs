// The portal's HTTP server: one process of the build in .next/standalone
// (scripts/build.mjs copies this folder there, started as portal-server.mjs). It
// serves Next.js through its custom-server API. Before Next sees a request it
// resolves the client's address from the socket and TRUST_PROXY, dropping any
// forwarded header a client may not set (lib/http/trust-proxy.mjs, decision
// 014), sets the protective headers, refuses a malformed path and gives a page its
// script policy with a fresh nonce (lib/http/page-policy.mjs, decision 033). Around every
// request it adds what an operator needs: a request id (X-Request-Id, taken from
// the load balancer or made here, and returned), one JSON access-log line, the
// request-duration metric, and a graceful stop on SIGTERM. Everything else (configuration,
// logger, metrics, migrations on start) lives in the app
// (instrumentation-node.ts), which hands it over on globalThis.
//
// Settings: PORT (3000), BIND_ADDRESS (0.0.0.0), SHUTDOWN_TIMEOUT_MS (10000); the
// rest are validated by the app at start-up (lib/config.ts).
//
// `node portal-server.mjs migrate` is the release step inside the image (where
// there is no `npm run db:migrate`): it applies pending migrations, queues the
// recompute of the open requests' due dates when they changed the calendar, and exits.
// `node portal-server.mjs worker` is the job queue's worker inside the image
// (docs/decisions/027): it delivers the outboxes and keeps the schedules
// whatever WEB_SERVER_JOBS says, and answers only its health checks and
// /api/metrics; the load balancer does not send visitors to it.
// `node portal-server.mjs jobs-cutover` is `npm run jobs:cutover` inside the
// image: once, after the release that moved the job queue to pg-boss 12
// (docs/decisions/031), it queues again what pg-boss 10 left and exits.
// `node portal-server.mjs storage-clean-up` is `npm run storage:clean-up` inside
// the image: the nightly storage sweep run by hand (after restoring the database
// alone from a backup, say), and exits.
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import util from "node:util";
import { refuseMalformedUrl, setBaselineSecurityHeaders } from "../lib/http/baseline-headers.mjs";
import { setPagePolicy } from "../lib/http/page-policy.mjs";
import { applyTrustedProxy, markClientAddressResolved, parseTrustProxy } from "../lib/http/trust-proxy.mjs";

// The standalone build's root (this file is in its server/ folder).
const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
process.env.NODE_ENV = "production";
process.title = "portal-server";

const port = Number(process.env.PORT || 3000);
// Not HOSTNAME: shells and containers set it to the machine's name.
const hostname = process.env.BIND_ADDRESS || "0.0.0.0";
const shutdownTimeoutMs = Number(process.env.SHUTDOWN_TIMEOUT_MS || 10_000);

// The build's own configuration, exactly as the standalone server.js uses it.
const command = process.argv[2];
const migrateOnly = command === "migrate";
const worker = command === "worker";
const jobsCutover = command === "jobs-cutover";
const storageCleanUp = command === "storage-clean-up";
if (migrateOnly) process.env.MIGRATE_ON_START = "true";
if (worker) process.env.WEB_SERVER_JOBS = "run";
// The one-task commands write jobs and take none: the workers run them, not a process about to
// exit (the recompute a release's calendar needs, docs/decisions/032; what the cut-over queues,
// docs/decisions/031). Without a DATABASE_URL there is no job queue, and migrate and the sweep
// work on the embedded database alone; the cut-over, which needs the queue, stops with its error there.
if (jobsCutover || ((migrateOnly || storageCleanUp) && process.env.DATABASE_URL)) process.env.WEB_SERVER_JOBS = "queue-only";
const WORKER_PATHS = new Set(["/api/health/live", "/api/health/ready", "/api/metrics"]);

let trust;
try {
  ({ trust } = parseTrustProxy(process.env.TRUST_PROXY));
} catch (error) {
  process.stderr.write(`Invalid configuration: TRUST_PROXY ${error.message}\n`);
  process.exit(1);
}
// Tells the app (lib/server/request-ip.ts, instrumentation-node.ts) that X-Forwarded-For is resolved.
markClientAddressResolved();

// The build's folder inside the standalone root: .next, or the benchmark's own (next.config.js).
const distDir = process.env.BENCH_BUILD === "1" ? ".next-bench" : ".next";
const { config } = JSON.parse(fs.readFileSync(path.join(dir, distDir, "required-server-files.json"), "utf8"));
process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(config);
const next = require("next");

// Until the app's logger is there, what Next prints is written as plain JSON lines.
for (const [method, level] of [["log", "info"], ["info", "info"], ["warn", "warn"], ["error", "error"]]) {
  console[method] = (...args) => process.stdout.write(`${JSON.stringify({ level, time: new Date().toISOString(), pid: process.pid, msg: util.format(...args) })}\n`);
}

const app = next({ dev: false, dir, hostname, port, conf: config, customServer: true });
await app.prepare();
const handle = app.getRequestHandler();
// prepare() starts instrumentation-node.ts without waiting for it: the
// configuration check (one line per problem, exit 1), the logger and metrics,
// and migrations when MIGRATE_ON_START=true. Listen only once it is done.
const hooks = await new Promise((resolve) => {
  const poll = setInterval(() => {
    if (!globalThis.__portalServerHooks) return;
    clearInterval(poll);
    resolve(globalThis.__portalServerHooks);
  }, 20);
});
await hooks.started;
const { logger, requestContext } = hooks;
if (migrateOnly) {
  await hooks.beforeExit();
  logger.flush?.();
  process.exit(0);
}
/** A command's one task: what it did on stdout (exit 0), or why it failed on stderr (exit 1). */
async function runTaskAndExit(task, failure) {
  let code = 0;
  try {
    process.stdout.write(`${await task()}\n`);
  } catch (error) {
    process.stderr.write(`${failure}: ${error instanceof Error ? error.message : String(error)}\n`);
    code = 1;
  }
  await hooks.beforeExit();
  logger.flush?.();
  process.exit(code);
}
if (jobsCutover) await runTaskAndExit(() => hooks.cutOverJobs(), "The cut-over failed and changed nothing");
if (storageCleanUp) await runTaskAndExit(() => hooks.cleanUpStorage(), "The storage clean-up stopped (what it removed stays removed; run it again)");

// From here on every line the process writes is a JSON log line, masked.
for (const [method, level] of [["log", "info"], ["info", "info"], ["warn", "warn"], ["error", "error"], ["debug", "debug"]]) {
  console[method] = (...args) => {
    const error = args.find((arg) => arg instanceof Error);
    if (error) logger[level]({ err: error }, util.format(...args.filter((arg) => arg !== error)) || error.message);
    else logger[level](util.format(...args));
  };
}
process.removeAllListeners("warning");
process.on("warning", (warning) => logger.warn({ warning: warning.name }, warning.message));

const routeOf = routeMatcher(JSON.parse(fs.readFileSync(path.join(dir, distDir, "routes-manifest.json"), "utf8")));

let draining = false;
let inFlight = 0;
let onIdle = () => {};

const server = http.createServer((req, res) => {
  const started = process.hrtime.bigint();
  applyTrustedProxy(req, trust);
  setBaselineSecurityHeaders(res);
  const requestId = acceptableRequestId(req.headers["x-request-id"]) ?? crypto.randomUUID();
  req.headers["x-request-id"] = requestId;
  res.setHeader("X-Request-Id", requestId);
  const context = { requestId, visitor: "anonymous" };
  const pathname = (req.url ?? "/").split("?")[0];
  inFlight++;
  res.once("close", () => {
    inFlight--;
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    // A response cut off before it was sent (client gone) is logged as 499, as nginx does.
    const status = res.writableFinished ? res.statusCode : 499;
    hooks.requestFinished({ method: req.method ?? "GET", route: routeOf(pathname), path: pathname, status, seconds, context });
    if (draining && inFlight === 0) onIdle();
  });
  if (draining) {
    // Finish this request, then close the connection, so no new one arrives on it.
    res.setHeader("Connection", "close");
    if (pathname === "/api/health/ready") {
      res.writeHead(503, { "Content-Type": "application/json", "Cache-Control": "no-store" });
      res.end(JSON.stringify({ status: "shutting down" }));
      return;
    }
  }
  if (refuseMalformedUrl(req, res)) return;
  if (worker && !WORKER_PATHS.has(pathname)) {
    res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" });
    res.end("Not found: this process is a job worker");
    return;
  }
  // A fresh nonce and the script policy for every page, here rather than in a Next proxy,
  // which cost each request about a third of the cheapest page (docs/decisions/033).
  setPagePolicy(req, res, pathname);
  requestContext.run(context, () => {
    handle(req, res).catch((error) => {
      logger.error({ err: error }, "unhandled error while serving a request");
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
});
server.keepAliveTimeout = Number(process.env.KEEP_ALIVE_TIMEOUT || 65_000);

server.listen(port, hostname, () => logger.info({ port, hostname, node: process.version, role: worker ? "worker" : "web" }, worker ? "job worker listening (health and metrics only)" : "portal server listening"));

// SIGTERM (docker stop, Kubernetes, systemd): stop accepting connections,
// answer readiness with 503, finish the requests in flight within
// SHUTDOWN_TIMEOUT_MS, close the database pool and exit 0. Requests still
// running when the time is up are cut off and the exit code is 1.
for (const signal of ["SIGTERM", "SIGINT"]) {
  process.once(signal, () => {
    if (draining) return;
    draining = true;
    logger.info({ signal, inFlight, timeoutMs: shutdownTimeoutMs }, "shutting down: finishing the requests in flight");
    server.close();
    server.closeIdleConnections();
    const finished = new Promise((resolve) => {
      onIdle = () => resolve(true);
      if (inFlight === 0) resolve(true);
    });
    const timedOut = new Promise((resolve) => setTimeout(() => resolve(false), shutdownTimeoutMs).unref());
    Promise.race([finished, timedOut]).then(async (clean) => {
      if (!clean) {
        logger.warn({ inFlight }, "shutdown time is up: cutting off the requests still running");
        server.closeAllConnections();
      }
      // Stopping anyway: a hook that fails (closing the database pool) must not keep the process alive.
      await Promise.race([hooks.beforeExit(), new Promise((resolve) => setTimeout(resolve, 2_000).unref())]).catch(() => undefined);
      logger.info({ clean }, "stopped");
      logger.flush?.();
      process.exit(clean ? 0 : 1);
    });
  });
}

/** A request id from the load balancer is kept only if it is short and plain. */
function acceptableRequestId(value) {
  return typeof value === "string" && /^[A-Za-z0-9._:-]{8,128}$/.test(value) ? value : null;
}

/**
 * The page pattern of an address (/account/requests/[id]), for the metrics'
 * labels: a bounded set, and no ids or national IDs from the address.
 */
function routeMatcher(manifest) {
  const routes = [...manifest.staticRoutes, ...manifest.dynamicRoutes].map((route) => ({ page: route.page, regex: new RegExp(route.regex) }));
  return (pathname) => {
    if (pathname.startsWith("/_next/static/")) return "/_next/static";
    if (pathname.startsWith("/_next/")) return "/_next";
    for (const route of routes) if (route.regex.test(pathname)) return route.page;
    return "(unmatched)";
  };
}
