import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/**
 * The process's Prometheus metrics (prom-client), served at /api/metrics to
 * holders of METRICS_TOKEN. One registry per process, kept on globalThis: the
 * server file and each bundle of the app reach the same one.
 */
export type PortalMetrics = ReturnType<typeof createMetrics>;

const holder = globalThis as { __portalMetrics?: PortalMetrics };

export function getMetrics(): PortalMetrics {
  holder.__portalMetrics ??= createMetrics();
  return holder.__portalMetrics;
}

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "portal_" });
  const branchGauges: { refresh?: () => Promise<BranchCounts[]> } = {};
  let branchCache: { at: number; rows: Promise<BranchCounts[]> } | undefined;
  const branchCounts = () => {
    // At most one query every 30 seconds, however often Prometheus scrapes.
    if (!branchGauges.refresh) return Promise.resolve([]);
    if (!branchCache || Date.now() - branchCache.at > 30_000) {
      // A failed count leaves the branch gauges empty for 30 seconds rather than failing the whole scrape.
      branchCache = { at: Date.now(), rows: branchGauges.refresh().catch(() => []) };
    }
    return branchCache.rows;
  };
  return {
    registry,
    httpDuration: new Histogram({
      name: "portal_http_request_duration_seconds",
      help: "Time to answer an HTTP request, by route (the page's pattern, not its address) and status",
      labelNames: ["method", "route", "status"] as const,
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    dbQueryDuration: new Histogram({
      name: "portal_db_query_duration_seconds",
      help: "Time of one SQL statement sent by the Prisma client, by outcome",
      labelNames: ["outcome"] as const,
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5],
      registers: [registry],
    }),
    smsMessages: new Counter({
      name: "portal_sms_messages_total",
      help: "Tries to hand a text message to the SMS provider, by outcome (sent, failed: tried again later, dead: the last try failed)",
      labelNames: ["outcome"] as const,
      registers: [registry],
    }),
    emailMessages: new Counter({
      name: "portal_email_messages_total",
      help: "Tries to hand an email to the mail server, by outcome (sent, failed: tried again later, dead: the last try failed)",
      labelNames: ["outcome"] as const,
      registers: [registry],
    }),
    storageOperations: new Counter({
      name: "portal_storage_operations_total",
      help: "Calls to the document storage, by operation and outcome",
      labelNames: ["operation", "outcome"] as const,
      registers: [registry],
    }),
    signInFailures: new Counter({
      name: "portal_sign_in_failures_total",
      help: "Refused sign-ins by kind of account and reason (INVALID: wrong credentials, LOCKED: refused by a lockout)",
      labelNames: ["account", "reason"] as const,
      registers: [registry],
    }),
    openRequests: new Gauge({
      name: "portal_requests_open",
      help: "Requests waiting for the organisation, by branch",
      labelNames: ["branch"] as const,
      registers: [registry],
      async collect() {
        this.reset();
        for (const row of await branchCounts()) this.set({ branch: row.branch }, row.open);
      },
    }),
    overdueRequests: new Gauge({
      name: "portal_requests_overdue",
      help: "Requests waiting for the organisation past their legal deadline, by branch",
      labelNames: ["branch"] as const,
      registers: [registry],
      async collect() {
        this.reset();
        for (const row of await branchCounts()) this.set({ branch: row.branch }, row.overdue);
      },
    }),
    /** How the per-branch gauges are computed (set once by the app; it needs the database). */
    setBranchCounts(refresh: () => Promise<BranchCounts[]>) {
      branchGauges.refresh = refresh;
    },
  };
}

export type BranchCounts = { branch: string; open: number; overdue: number };

/** Times an async call and counts it under `outcome` ok or error. */
export async function counted<T>(counter: Counter<"operation" | "outcome">, operation: string, call: () => Promise<T>): Promise<T> {
  try {
    const result = await call();
    counter.inc({ operation, outcome: "ok" });
    return result;
  } catch (error) {
    counter.inc({ operation, outcome: "error" });
    throw error;
  }
}
