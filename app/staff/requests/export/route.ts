import { appErrorCodeResponse, appErrorResponse } from "@/app/app-error-response";
import { queueSearchProblem, ZQueueFilters } from "@/lib/schemas/review";
import { getCurrentUser } from "@/lib/server/auth/session-cookie";
import { getDb } from "@/lib/server/db/prisma";
import { exportReviewQueue } from "@/lib/server/review/export-review-queue";
import { tehranDate } from "@/lib/utils/working-days";

// «دریافت فهرست (CSV)» of the queue page, with the same filters.
export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user || user.kind !== "staff") return appErrorCodeResponse("NOT_FOUND");
  const filters = ZQueueFilters.parse(Object.fromEntries(new URL(request.url).searchParams));
  // As on the queue page: only a tracking code or a national ID is searched for.
  const searchProblem = filters.q ? queueSearchProblem(filters.q) : null;
  if (searchProblem) {
    return new Response(searchProblem, {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
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
    // A domain error gets its status and message; any other error is rethrown (500).
    return appErrorResponse(error);
  }
}
