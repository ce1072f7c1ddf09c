import crypto from "node:crypto";
import { getConfig } from "@/lib/config";
import { getMetrics } from "@/lib/server/observability/metrics";

// Prometheus metrics, for the monitoring system only: a request must carry
// `Authorization: Bearer <METRICS_TOKEN>`. Without METRICS_TOKEN the route does
// not exist (404), so nothing is ever public by default.
export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const token = getConfig().METRICS_TOKEN;
  if (!token) return new Response("Not found", { status: 404 });
  const given = request.headers.get("authorization") ?? "";
  const expected = `Bearer ${token}`;
  const same = given.length === expected.length && crypto.timingSafeEqual(Buffer.from(given), Buffer.from(expected));
  if (!same) return new Response("Unauthorized", { status: 401, headers: { "WWW-Authenticate": 'Bearer realm="metrics"' } });
  const { registry } = getMetrics();
  return new Response(await registry.metrics(), { headers: { "Content-Type": registry.contentType, "Cache-Control": "no-store" } });
}
