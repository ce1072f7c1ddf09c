import { getFileStorage } from "@/lib/adapters/storage/get-file-storage";
import { getDb } from "@/lib/server/db/prisma";
import { checkReadiness } from "@/lib/server/health/check-readiness";

// Readiness: the database answers and is migrated for this build, and the
// document store can be reached. 503 takes the server out of the load balancer
// (and so does a server shutting down: server/portal-server.mjs answers 503
// itself then). Says which check failed, never why in detail.
export const dynamic = "force-dynamic";

export async function GET() {
  const readiness = await checkReadiness({ db: await getDb(), storage: getFileStorage() });
  return Response.json(
    { status: readiness.ready ? "ready" : "not ready", checks: readiness.checks, pendingMigrations: readiness.pendingMigrations },
    { status: readiness.ready ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
