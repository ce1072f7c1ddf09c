import "server-only";
import type { AsyncLocalStorage } from "node:async_hooks";
import type { Logger } from "pino";
import { getLogger } from "./logger";
import { maskDigits } from "./mask";
import { getMetrics } from "./metrics";
import { requestContextStorage, type RequestContext } from "./request-context";

export type FinishedRequest = { method: string; route: string; path: string; status: number; seconds: number; context: RequestContext };

/**
 * What the portal's HTTP server (server/portal-server.mjs, plain JavaScript
 * outside the Next bundles) needs from the app, handed over on globalThis when
 * the app starts (instrumentation-node.ts).
 */
export type ServerHooks = {
  logger: Logger;
  requestContext: AsyncLocalStorage<RequestContext>;
  /** One access-log line and the duration histogram, after each response. */
  requestFinished(request: FinishedRequest): void;
  /** Last work before the process exits (close the database pool). */
  beforeExit(): Promise<void>;
  /** Settles when the app's start-up work (migrations on start) is done. */
  started: Promise<void>;
  /** `node portal-server.mjs jobs-cutover`: takes over pg-boss 10's waiting messages (docs/decisions/031); what it did, in a line. */
  cutOverJobs(): Promise<string>;
  /** `node portal-server.mjs storage-clean-up`: `npm run storage:clean-up` inside the image; what it did, in a line. */
  cleanUpStorage(): Promise<string>;
};

export function installServerHooks({
  beforeExit,
  started,
  cutOverJobs,
  cleanUpStorage,
}: {
  beforeExit: () => Promise<void>;
  started: Promise<void>;
  cutOverJobs: () => Promise<string>;
  cleanUpStorage: () => Promise<string>;
}): ServerHooks {
  const logger = getLogger();
  const metrics = getMetrics();
  const hooks: ServerHooks = {
    logger,
    requestContext: requestContextStorage(),
    requestFinished({ method, route, path, status, seconds, context }) {
      metrics.httpDuration.observe({ method, route, status: String(status) }, seconds);
      // Load balancers ask for health twice a second: not worth a line each.
      const level = route.startsWith("/api/health/") && status < 500 ? "debug" : status >= 500 ? "error" : "info";
      logger[level](
        { reqId: context.requestId, method, route, path: maskDigits(path), status, durationMs: Math.round(seconds * 1000), visitor: context.visitor },
        "request",
      );
    },
    beforeExit,
    started,
    cutOverJobs,
    cleanUpStorage,
  };
  (globalThis as { __portalServerHooks?: ServerHooks }).__portalServerHooks = hooks;
  return hooks;
}
