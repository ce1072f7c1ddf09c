import type { Metadata } from "next";
import Link from "next/link";
import { DefinitionList } from "@/components/definition-list";
import { getStaffProfile } from "@/lib/server/accounts/get-staff-profile";
import { countProvisionalHolidays } from "@/lib/server/calendar/manage-holidays";
import { requireStaff } from "@/lib/server/auth/require-staff";
import { getDb } from "@/lib/server/db/prisma";
import { canWatchDeadlines, canWorkOnFiles } from "@/lib/server/review/staff-access";
import { canSeeStaffList } from "@/lib/server/staff/staff-accounts-policy";
import { toPersianDigits } from "@/lib/utils/digits";

export const metadata: Metadata = { title: "میز کار کارکنان" };

const ROLE_LABEL = { OFFICER: "کارشناس شعبه", BRANCH_HEAD: "رئیس شعبه", ADMIN: "مدیر سامانه" } as const;

export default async function StaffHomePage() {
  const user = await requireStaff();
  const db = await getDb();
  const profile = await getStaffProfile({ db, accountId: user.accountId });
  const provisional = profile.role === "ADMIN" ? await countProvisionalHolidays({ db }) : [];
  return (
    <div className="space-y-6">
      <h1>میز کار کارکنان</h1>
      <DefinitionList
        items={[
          { label: "نام", value: `${profile.firstName} ${profile.lastName}` },
          { label: "کد پرسنلی", value: <span dir="ltr">{toPersianDigits(profile.personnelCode)}</span> },
          { label: "نقش", value: ROLE_LABEL[profile.role] },
          { label: "شعبه", value: profile.branch ? profile.branch.name : "همه شعب (ستاد)" },
        ]}
      />
      {canWorkOnFiles(user) ? (
        <section aria-labelledby="work-heading" className="space-y-3">
          <h2 id="work-heading">کارهای شعبه</h2>
          <ul className="grid gap-4 sm:grid-cols-2">
            <li className="rounded border border-brand-100 bg-brand-50 p-5">
              <Link href="/staff/requests" className="text-lg font-bold">
                کارتابل درخواست‌ها
              </Link>
              <p className="text-muted">درخواست‌های باز شعبه به ترتیب موعد، برداشتن، بررسی مدارک و تصمیم.</p>
            </li>
            <li className="rounded border border-brand-100 bg-brand-50 p-5">
              <Link href="/staff/file-on-behalf" className="text-lg font-bold">
                ثبت حضوری درخواست
              </Link>
              <p className="text-muted">نام‌نویسی فرد تحت تکفل از طرف بیمه‌شده‌ای که به شعبه آمده است.</p>
            </li>
            <li className="rounded border border-brand-100 bg-brand-50 p-5">
              <Link href="/staff/mandates" className="text-lg font-bold">
                ثبت نمایندگی در شعبه
              </Link>
              <p className="text-muted">نمایندگی یکی از اعضای خانواده برای بیمه‌شده‌ای که همراه او به شعبه آمده است.</p>
            </li>
            <li className="rounded border border-brand-100 bg-brand-50 p-5">
              <Link href="/staff/visits" className="text-lg font-bold">
                نوبت‌های مراجعه
              </Link>
              <p className="text-muted">
                {canWatchDeadlines(user) ? "ظرفیت نوبت‌های هر روز، " : ""}فهرست مراجعه‌کنندگان روز و ثبت مراجعه یا عدم مراجعه.
              </p>
            </li>
            {canSeeStaffList(user) ? (
              <li className="rounded border border-brand-100 bg-brand-50 p-5">
                <Link href="/staff/team" className="text-lg font-bold">
                  کارکنان شعبه
                </Link>
                <p className="text-muted">ورود دومرحله‌ای و قفل ورود کارکنان شعبه، و هشدار تلاش‌های ناموفق.</p>
              </li>
            ) : null}
            {canWatchDeadlines(user) ? (
              <li className="rounded border border-brand-100 bg-brand-50 p-5">
                <Link href="/staff/dashboard" className="text-lg font-bold">
                  داشبورد مهلت‌ها
                </Link>
                <p className="text-muted">درخواست‌های باز، موعد امروز و گذشته از موعد، و زمان رسیدگی کارشناسان.</p>
              </li>
            ) : null}
          </ul>
        </section>
      ) : null}
      {profile.role === "ADMIN" ? (
        <section aria-labelledby="admin-heading" className="space-y-3">
          <h2 id="admin-heading">مدیریت سامانه</h2>
          <ul className="grid gap-4 sm:grid-cols-2">
            <li className="rounded border border-brand-100 bg-brand-50 p-5">
              <Link href="/staff/admin/holidays" className="text-lg font-bold">
                تعطیلات رسمی
              </Link>
              <p className="text-muted">تعطیلات رسمی و روزهای تعطیل هفتگی که در شمارش مهلت‌ها کنار گذاشته می‌شوند.</p>
              {provisional.map(({ jalaliYear, count }) => (
                <p key={jalaliYear} className="mt-2 font-bold">
                  <Link href={`/staff/admin/holidays?year=${jalaliYear}`}>
                    {toPersianDigits(count)} تعطیلی موقت سال {toPersianDigits(jalaliYear)} منتظر تأیید با تقویم رسمی است
                  </Link>
                </p>
              ))}
            </li>
            <li className="rounded border border-brand-100 bg-brand-50 p-5">
              <Link href="/staff/team" className="text-lg font-bold">
                کارکنان
              </Link>
              <p className="text-muted">ورود دومرحله‌ای و قفل ورود همه کارکنان، و هشدار تلاش‌های ناموفق.</p>
            </li>
            <li className="rounded border border-brand-100 bg-brand-50 p-5">
              <Link href="/staff/admin/messages" className="text-lg font-bold">
                پیامک‌های نرسیده
              </Link>
              <p className="text-muted">پیامک‌هایی که درگاه نپذیرفته است، و ارسال دوباره آن‌ها پس از رفع مشکل درگاه.</p>
            </li>
            <li className="rounded border border-brand-100 bg-brand-50 p-5">
              <Link href="/staff/admin/emails" className="text-lg font-bold">
                ایمیل‌های نرسیده
              </Link>
              <p className="text-muted">ایمیل‌هایی که سرور ایمیل نپذیرفته است، و ارسال دوباره آن‌ها پس از رفع مشکل.</p>
            </li>
          </ul>
        </section>
      ) : null}
    </div>
  );
}
