import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BackLink } from "@/components/back-link";
import { KIND_LABEL } from "@/components/requests/labels";
import { BarChart, formatFigure } from "@/components/staff/bar-chart";
import { requireStaff } from "@/lib/server/auth/require-staff";
import { getDb } from "@/lib/server/db/prisma";
import { getDeadlineDashboard } from "@/lib/server/review/get-deadline-dashboard";
import { canWatchDeadlines } from "@/lib/server/review/staff-access";
import { toPersianDigits } from "@/lib/utils/digits";

export const metadata: Metadata = { title: "داشبورد مهلت‌ها" };

const QUEUE = "/staff/requests";

function Figure({ label, value, tone = "plain", link }: { label: string; value: number; tone?: "plain" | "alert"; link?: { href: string; text: string } }) {
  const alert = tone === "alert" && value > 0;
  return (
    <div className={`rounded border-2 p-5 ${alert ? "border-danger" : "border-brand-100 bg-brand-50"}`}>
      <dt className="font-bold">{label}</dt>
      <dd className={`text-4xl font-bold ${alert ? "text-danger" : ""}`}>{toPersianDigits(value)}</dd>
      {link ? (
        <dd>
          <Link href={link.href} className="inline-flex min-h-11 items-center">
            {link.text}
          </Link>
        </dd>
      ) : null}
    </div>
  );
}

function Missing() {
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="sr-only">ندارد</span>
    </>
  );
}

export default async function DeadlineDashboardPage() {
  const user = await requireStaff();
  if (!canWatchDeadlines(user)) notFound();
  const dashboard = await getDeadlineDashboard({ db: await getDb(), staff: user });
  const days = toPersianDigits(dashboard.windowDays);
  const decidingOfficers = dashboard.byOfficer.filter((officer) => officer.medianHours !== null);

  return (
    <div className="space-y-10">
      <div className="space-y-4">
        <BackLink href="/staff">میز کار کارکنان</BackLink>
        <h1>داشبورد مهلت‌ها</h1>
        <p>
          درخواست‌های نام‌نویسی افراد تحت تکفل و پیگیری و پرسش شعبه شما. زمان رسیدگی از ثبت درخواست تا تصمیم درباره آن شمرده
          می‌شود، حتی زمانی که درخواست برای تکمیل مدارک نزد متقاضی بوده است.
        </p>
      </div>

      <section aria-labelledby="now-heading" className="space-y-3">
        <h2 id="now-heading">درخواست‌های باز</h2>
        <dl className="grid gap-4 sm:grid-cols-3">
          <Figure label="باز" value={dashboard.open} link={{ href: QUEUE, text: "صف درخواست‌ها" }} />
          <Figure label="موعد امروز" value={dashboard.dueToday} />
          <Figure
            label="از موعد گذشته"
            value={dashboard.overdue}
            tone="alert"
            link={{ href: `${QUEUE}?overdue=1`, text: "درخواست‌های از موعد گذشته" }}
          />
        </dl>
        <p className="text-muted">
          {toPersianDigits(dashboard.unassignedOpen)} درخواست باز هنوز به کارشناسی سپرده نشده است. درخواست‌هایی که برای تکمیل مدارک
          نزد متقاضی‌اند مهلت ندارند و جزو موعد امروز یا از موعد گذشته شمرده نمی‌شوند.
        </p>
      </section>

      <section aria-labelledby="handling-heading" className="space-y-6">
        <h2 id="handling-heading">میانه زمان رسیدگی در {days} روز گذشته</h2>
        <p id="handling-how">
          زمان رسیدگی هر درخواست: ساعت‌های میان ثبت درخواست و تصمیم، بی‌آنکه زمانِ برگشت درخواست نزد متقاضی برای تکمیل مدارک
          شمرده شود. میانه یعنی نیمی از تصمیم‌ها زودتر از این و نیمی دیرتر گرفته شده‌اند.
        </p>
        <div className="space-y-3">
          <h3 className="text-lg font-bold">به تفکیک نوع درخواست</h3>
          <BarChart
            title="میانه زمان رسیدگی به تفکیک نوع درخواست"
            unit="ساعت"
            labelHeading="نوع درخواست"
            bars={dashboard.byKind.map((row) => ({ label: KIND_LABEL[row.kind], value: row.medianHours }))}
          />
          {dashboard.byKind.length > 0 ? (
            <p className="text-muted">
              تعداد تصمیم‌ها: {dashboard.byKind.map((row) => `${KIND_LABEL[row.kind]} ${toPersianDigits(row.decided)}`).join("، ")}.
            </p>
          ) : null}
        </div>
        <div className="space-y-3">
          <h3 className="text-lg font-bold">به تفکیک کارشناس</h3>
          <BarChart
            title="میانه زمان رسیدگی به تفکیک کارشناس"
            unit="ساعت"
            labelHeading="کارشناس"
            bars={decidingOfficers.map((officer) => ({ label: officer.name, value: officer.medianHours ?? 0 }))}
          />
        </div>
      </section>

      <section aria-labelledby="officers-heading" className="space-y-3">
        <h2 id="officers-heading">کار هر کارشناس</h2>
        {/* A data table may scroll sideways in its own box at 200 % text on a phone (WCAG 1.4.10); focusable so a keyboard can scroll it; positioned so the visually hidden caption stays inside it. */}
        <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-label="جدول کار هر کارشناس">
          <table className="w-full border-collapse text-start">
            <caption className="sr-only">درخواست‌های باز در دست هر کارشناس و تصمیم‌های {days} روز گذشته</caption>
            <thead>
              <tr className="border-b-2 border-ink">
                <th scope="col" className="py-2 pe-4 text-start">
                  کارشناس
                </th>
                <th scope="col" className="py-2 pe-4 text-start">
                  باز در دست او
                </th>
                <th scope="col" className="py-2 pe-4 text-start">
                  تصمیم در {days} روز گذشته
                </th>
                <th scope="col" className="py-2 text-start">
                  میانه زمان رسیدگی (ساعت)
                </th>
              </tr>
            </thead>
            <tbody>
              {dashboard.byOfficer.map((officer) => (
                <tr key={officer.staffId} className="border-b border-brand-100">
                  <th scope="row" className="py-3 pe-4 text-start font-normal">
                    {toPersianDigits(officer.name)}
                  </th>
                  <td className="py-3 pe-4">{toPersianDigits(officer.open)}</td>
                  <td className="py-3 pe-4">{toPersianDigits(officer.decided)}</td>
                  <td className="py-3">{officer.medianHours === null ? <Missing /> : formatFigure(officer.medianHours)}</td>
                </tr>
              ))}
              <tr className="border-b border-brand-100">
                <th scope="row" className="py-3 pe-4 text-start font-normal">
                  سپرده‌نشده به کارشناس
                </th>
                <td className="py-3 pe-4">{toPersianDigits(dashboard.unassignedOpen)}</td>
                <td className="py-3 pe-4">
                  <Missing />
                </td>
                <td className="py-3">
                  <Missing />
                </td>
              </tr>
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
