import { isAppError } from "@/lib/errors";
import { ZQueueFilters } from "@/lib/schemas/review";
import { getCurrentUser } from "@/lib/server/auth/session-cookie";
import { getDb } from "@/lib/server/db/prisma";
import { exportReviewQueue } from "@/lib/server/review/export-review-queue";
import { tehranDate } from "@/lib/utils/working-days";

// «دریافت فهرست (CSV)» of the queue page, with the same filters.
export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user || user.kind !== "staff") return new Response("Not found", { status: 404 });
  const filters = ZQueueFilters.parse(Object.fromEntries(new URL(request.url).searchParams));
  try {
    const csv = await exportReviewQueue({ db: await getDb(), staff: user, filters });
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="queue-${tehranDate(new Date())}.csv"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (isAppError(error, "NOT_FOUND")) return new Response("Not found", { status: 404 });
    throw error;
  }
}
