import type { Metadata } from "next";
import Form from "next/form";
import Link from "next/link";
import { KIND_LABEL, STATUS_LABEL } from "@/components/requests/labels";
import { MyRequestCards } from "@/components/requests/my-request-cards";
import { RequestKind, RequestStatus } from "@/lib/domain/requests";
import { requireCitizenFile } from "@/lib/server/auth/require-citizen";
import { recordMandateUse } from "@/lib/server/mandates/record-mandate-use";
import { getDb } from "@/lib/server/db/prisma";
import { listMyRequests } from "@/lib/server/requests/list-my-requests";

export const metadata: Metadata = { title: "درخواست‌های من" };

const pick = <T extends string>(values: Record<string, T>, raw: string | undefined): T | undefined =>
  Object.values(values).find((v) => v === raw);

/** This list's address with the same filters, from its newest request or after `after`. */
function pageHref(filters: { kind?: string; status?: string }, after?: string) {
  const params = new URLSearchParams();
  if (filters.kind) params.set("kind", filters.kind);
  if (filters.status) params.set("status", filters.status);
  if (after) params.set("after", after);
  const query = params.toString();
  return query ? `/account/requests?${query}` : "/account/requests";
}

export default async function MyRequestsPage({ searchParams }: { searchParams: Promise<{ kind?: string; status?: string; after?: string }> }) {
  const { owner, helper } = await requireCitizenFile("VIEW");
  const params = await searchParams;
  const kind = pick(RequestKind, params.kind);
  const status = pick(RequestStatus, params.status);
  const after = typeof params.after === "string" ? params.after : undefined;
  const { rows, nextCursor } = await listMyRequests({ db: await getDb(), citizenId: owner.accountId, kind, status, after });
  await recordMandateUse(await getDb(), helper, "VIEW_REQUESTS");
  // A select is as wide as its longest option; at 200 % text on a phone that is wider than the
  // screen, so each field may shrink to the form's width (the open list still shows whole options).
  const selectClass = "block min-h-11 w-full max-w-full rounded border-2 border-ink bg-white px-2";
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1>درخواست‌های من</h1>
        <Link
          href="/account/requests/new"
          className="inline-flex min-h-12 items-center rounded bg-brand-700 px-5 font-bold text-white no-underline hover:bg-brand-800 hover:text-white"
        >
          ثبت پرسش یا درخواست تازه
        </Link>
      </div>
      <Form action="/account/requests" prefetch={false} className="flex flex-wrap items-end gap-4 rounded border border-brand-100 bg-brand-50 p-4" aria-label="پالایش درخواست‌ها">
        <div className="min-w-0 max-w-full">
          <label htmlFor="kind" className="block font-bold">
            نوع
          </label>
          <select id="kind" name="kind" defaultValue={kind ?? ""} className={selectClass}>
            <option value="">همه</option>
            {Object.values(RequestKind).map((k) => (
              <option key={k} value={k}>
                {KIND_LABEL[k]}
              </option>
            ))}
          </select>
        </div>
        <div className="min-w-0 max-w-full">
          <label htmlFor="status" className="block font-bold">
            وضعیت
          </label>
          <select id="status" name="status" defaultValue={status ?? ""} className={selectClass}>
            <option value="">همه</option>
            {Object.values(RequestStatus).map((s) => (
              <option key={s} value={s}>
                {STATUS_LABEL[s]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="min-h-11 rounded border-2 border-brand-700 bg-white px-4 font-bold text-brand-700">
          نمایش
        </button>
      </Form>
      {rows.length === 0 ? (
        <p className="rounded border border-brand-100 p-4">{kind || status ? "درخواستی با این ویژگی‌ها پیدا نشد." : after ? "درخواست دیگری نیست." : "هنوز درخواستی ثبت نکرده‌اید."}</p>
      ) : (
        <MyRequestCards rows={rows} />
      )}
      {after || nextCursor ? (
        <nav aria-label="صفحه‌های فهرست" className="flex flex-wrap justify-between gap-4">
          {after ? (
            <Link href={pageHref({ kind, status })} className="inline-flex min-h-11 items-center">
              <span aria-hidden="true">→&nbsp;</span>تازه‌ترین درخواست‌ها
            </Link>
          ) : (
            <span />
          )}
          {nextCursor ? (
            <Link href={pageHref({ kind, status }, nextCursor)} className="inline-flex min-h-11 items-center font-bold">
              درخواست‌های قدیمی‌تر<span aria-hidden="true">&nbsp;←</span>
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
