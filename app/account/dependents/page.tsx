import type { Metadata } from "next";
import Link from "next/link";
import { StatusBadge } from "@/components/requests/status-badge";
import { RELATIONSHIP_LABELS } from "@/lib/dependents/relationships";
import { requireCitizenFile } from "@/lib/server/auth/require-citizen";
import { recordMandateUse } from "@/lib/server/mandates/record-mandate-use";
import { getDb } from "@/lib/server/db/prisma";
import { listMyDependents } from "@/lib/server/dependents/list-my-dependents";
import { toPersianDigits } from "@/lib/utils/digits";
import { formatJalaliForDisplay, gregorianToJalali } from "@/lib/utils/jalali";
import { formatTrackingCode } from "@/lib/utils/tracking-code";

export const metadata: Metadata = { title: "افراد تحت تکفل" };

const showDate = (date: Date) => formatJalaliForDisplay(gregorianToJalali(date));

export default async function MyDependentsPage() {
  const { owner, helper } = await requireCitizenFile("VIEW");
  const { covered, requests } = await listMyDependents({ db: await getDb(), citizenId: owner.accountId });
  await recordMandateUse(await getDb(), helper, "VIEW_DEPENDENTS");
  // Approved requests are listed among the covered people.
  const open = requests.filter((r) => r.status !== "APPROVED");
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1>افراد تحت تکفل</h1>
        <Link
          href="/account/dependents/new"
          className="inline-flex min-h-12 items-center rounded bg-brand-700 px-5 font-bold text-white no-underline hover:bg-brand-800 hover:text-white"
        >
          اضافه کردن فرد جدید تحت پوشش
        </Link>
      </div>

      <section aria-labelledby="covered-heading" className="space-y-3">
        <h2 id="covered-heading">افرادی که اکنون تحت پوشش بیمه شما هستند</h2>
        {covered.length === 0 ? (
          <p className="rounded border border-brand-100 p-4">هنوز کسی تحت پوشش بیمه شما نیست.</p>
        ) : (
          <ul className="card-list" aria-labelledby="covered-heading">
            {covered.map((person) => (
              <li key={person.dependentNationalId}>
                {person.firstName && person.lastName ? (
                  <strong>{`${person.firstName} ${person.lastName}`}</strong>
                ) : (
                  <strong>
                    کد ملی <span dir="ltr">{toPersianDigits(person.maskedNationalId)}</span>
                  </strong>
                )}
                {/* The facts as one line of text (docs/decisions/010). */}
                <p>{`نسبت: ${RELATIONSHIP_LABELS[person.relationship]} · تحت پوشش از: ${showDate(person.since)}`}</p>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="requests-heading" className="space-y-3">
        <h2 id="requests-heading">درخواست‌های نام‌نویسی</h2>
        {open.length === 0 ? (
          <p className="rounded border border-brand-100 p-4">درخواست در جریانی ندارید.</p>
        ) : (
          <ul className="card-list" aria-labelledby="requests-heading">
            {open.map((row) => (
              <li key={row.requestId}>
                {/* A plain link, not next/link: one per row costs the phone hydration and prefetching (docs/decisions/009). */}
                <a href={`/account/requests/${row.requestId}`}>{`${row.firstName} ${row.lastName} (${RELATIONSHIP_LABELS[row.relationship]})`}</a>
                <StatusBadge status={row.status} />
                {/* The facts as one line of text (docs/decisions/010). */}
                <p>
                  {`ثبت: ${showDate(row.createdAt)}${row.dueAt ? ` · موعد بررسی: ${showDate(row.dueAt)}` : ""} · کد رهگیری: `}
                  <span dir="ltr">{formatTrackingCode(row.trackingCode)}</span>
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
