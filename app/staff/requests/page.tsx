import type { Metadata } from "next";
import Form from "next/form";
import Link from "next/link";
import { notFound } from "next/navigation";
import { KIND_LABEL, STAFF_STATUS_LABEL } from "@/components/requests/labels";
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

const selectClass = "block min-h-12 w-full rounded border-2 border-ink bg-white px-3";

export default async function StaffQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireStaff();
  if (!canWorkOnFiles(user)) notFound();
  const raw = await searchParams;
  const filters = ZQueueFilters.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const searchProblem = filters.q ? queueSearchProblem(filters.q) : null;
  const badSearch = searchProblem !== null;
  const page = badSearch ? { rows: [], nextCursor: null } : await listReviewQueue({ db: await getDb(), staff: user, filters });
  const filtered = Boolean(filters.kind || filters.status || filters.overdue || filters.mine || filters.unassigned || filters.q);
  return (
    <div className="space-y-6">
      <Link href="/staff" className="inline-flex min-h-11 items-center">
        <span aria-hidden="true">→&nbsp;</span>میز کار کارکنان
      </Link>
      <h1>کارتابل درخواست‌ها</h1>
      <Form action="/staff/requests" prefetch={false} className="grid gap-4 rounded border border-brand-100 bg-brand-50 p-4 sm:grid-cols-2 lg:grid-cols-3" role="search" aria-label="جست‌وجو و پالایش">
        <div className="space-y-1 sm:col-span-2 lg:col-span-3">
          <label htmlFor="q" className="block font-bold">
            جست‌وجو با کد رهگیری یا کد ملی
          </label>
          <p id="q-hint" className="text-sm text-muted">
            ده رقم، با رقم‌های فارسی یا انگلیسی. کد ملی متقاضی یا فرد تحت تکفل را می‌توانید وارد کنید.
          </p>
          {badSearch ? (
            <p id="q-error" className="font-bold text-danger">
              <span className="sr-only">خطا: </span>
              {searchProblem}
            </p>
          ) : null}
          <input
            id="q"
            name="q"
            type="search"
            inputMode="numeric"
            defaultValue={typeof raw.q === "string" ? raw.q : ""}
            dir="ltr"
            aria-describedby={badSearch ? "q-hint q-error" : "q-hint"}
            aria-invalid={badSearch || undefined}
            className={`block min-h-12 w-full max-w-md rounded border-2 bg-white px-3 text-start ${badSearch ? "border-danger" : "border-ink"}`}
          />
        </div>
        <div className="space-y-1">
          <label htmlFor="kind" className="block font-bold">
            نوع درخواست
          </label>
          <select id="kind" name="kind" defaultValue={filters.kind ?? ""} className={selectClass}>
            <option value="">همه</option>
            {QUEUE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {KIND_LABEL[kind]}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="status" className="block font-bold">
            وضعیت
          </label>
          <select id="status" name="status" defaultValue={filters.status ?? ""} className={selectClass}>
            <option value="">همه درخواست‌های باز</option>
            {QUEUE_STATUSES.map((status) => (
              <option key={status} value={status}>
                {STAFF_STATUS_LABEL[status]}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="sort" className="block font-bold">
            مرتب‌سازی
          </label>
          <select id="sort" name="sort" defaultValue={filters.sort} className={selectClass}>
            <option value="due">نزدیک‌ترین موعد</option>
            <option value="newest">جدیدترین</option>
          </select>
        </div>
        <fieldset className="space-y-2 sm:col-span-2 lg:col-span-3">
          <legend className="font-bold">فقط نمایش</legend>
          <div className="flex flex-wrap gap-x-6 gap-y-2">
            {(
              [
                ["overdue", "گذشته از موعد"],
                ["mine", "درخواست‌های من"],
                ["unassigned", "بدون کارشناس"],
              ] as const
            ).map(([name, label]) => (
              <label key={name} className="flex min-h-11 items-center gap-2">
                <input type="checkbox" name={name} value="1" defaultChecked={filters[name]} className="size-6" />
                {label}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="flex flex-wrap gap-3 sm:col-span-2 lg:col-span-3">
          <button type="submit" className="min-h-12 rounded bg-brand-700 px-6 font-bold text-white hover:bg-brand-800">
            نمایش
          </button>
          {filtered ? (
            <Link href="/staff/requests" className="inline-flex min-h-12 items-center px-2">
              پاک کردن پالایه‌ها
            </Link>
          ) : null}
        </div>
      </Form>
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
