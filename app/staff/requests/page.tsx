import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BackLink } from "@/components/back-link";
import { KIND_LABEL, STAFF_STATUS_LABEL } from "@/components/requests/labels";
import { QueueFilters } from "@/components/staff/queue-filters";
import { QueueTable } from "@/components/staff/queue-table";
import { queueSearchProblem, QUEUE_KINDS, QUEUE_STATUSES, ZQueueFilters, type TQueueFilters } from "@/lib/schemas/review";
import { requireStaff } from "@/lib/server/auth/require-staff";
import { getDb } from "@/lib/server/db/prisma";
import { listReviewQueue } from "@/lib/server/review/list-review-queue";
import { canWatchDeadlines, canWorkOnFiles } from "@/lib/server/review/staff-access";

export const metadata: Metadata = { title: "کارتابل درخواست‌ها" };

/** The same filters with some changed, as a query string. */
function hrefWith(filters: TQueueFilters, change: Partial<Record<keyof TQueueFilters, string | undefined>>, path = "/staff/requests") {
  const params = new URLSearchParams();
  const merged: Record<string, string | boolean | undefined> = { ...filters, ...change };
  for (const [key, value] of Object.entries(merged)) {
    if (value === undefined || value === false || value === "") continue;
    params.set(key, value === true ? "1" : String(value));
  }
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

export default async function StaffQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireStaff();
  if (!canWorkOnFiles(user)) notFound();
  const raw = await searchParams;
  const filters = ZQueueFilters.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const searchProblem = filters.q ? queueSearchProblem(filters.q) : null;
  const page = searchProblem !== null ? { rows: [], nextCursor: null } : await listReviewQueue({ db: await getDb(), staff: user, filters });
  const filtered = Boolean(filters.kind || filters.status || filters.overdue || filters.mine || filters.unassigned || filters.q);
  return (
    <div className="space-y-6">
      <BackLink href="/staff">میز کار کارکنان</BackLink>
      <h1>کارتابل درخواست‌ها</h1>
      <QueueFilters
        words={{
          q: typeof raw.q === "string" ? raw.q : "",
          searchProblem,
          kind: filters.kind ?? "",
          status: filters.status ?? "",
          sort: filters.sort,
          overdue: filters.overdue,
          mine: filters.mine,
          unassigned: filters.unassigned,
          filtered,
          kinds: QUEUE_KINDS.map((kind) => ({ value: kind, label: KIND_LABEL[kind] })),
          statuses: QUEUE_STATUSES.map((status) => ({ value: status, label: STAFF_STATUS_LABEL[status] })),
        }}
      />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p role="status">
          {page.rows.length === 0
            ? filtered
              ? "درخواستی با این پالایه‌ها پیدا نشد."
              : "درخواست بازی در شعبه نیست."
            : filters.after
              ? "ادامه فهرست"
              : "درخواست‌های باز شعبه، به ترتیب انتخاب‌شده"}
        </p>
        <a href={hrefWith({ ...filters, after: undefined }, {}, "/staff/requests/export")} className="inline-flex min-h-11 items-center" download>
          دریافت فهرست (CSV)
        </a>
      </div>
      {page.rows.length > 0 ? <QueueTable rows={page.rows} currentStaffId={user.accountId} /> : null}
      <nav aria-label="صفحه‌بندی" className="flex flex-wrap gap-4">
        {filters.after ? (
          <Link href={hrefWith(filters, { after: undefined })} className="inline-flex min-h-11 items-center">
            ابتدای فهرست
          </Link>
        ) : null}
        {page.nextCursor ? (
          <Link href={hrefWith(filters, { after: page.nextCursor })} className="inline-flex min-h-11 items-center font-bold">
            صفحه بعد<span aria-hidden="true">&nbsp;←</span>
          </Link>
        ) : null}
      </nav>
      {canWatchDeadlines(user) ? (
        <p>
          <Link href="/staff/dashboard">داشبورد مهلت‌ها</Link>
        </p>
      ) : null}
    </div>
  );
}
