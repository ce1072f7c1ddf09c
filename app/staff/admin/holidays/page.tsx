import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { HolidayForm } from "@/components/admin/holiday-form";
import { HolidaysTable, holidayDateLabel } from "@/components/admin/holidays-table";
import { WeekendDaysForm } from "@/components/admin/weekend-days-form";
import { BackLink } from "@/components/back-link";
import { getCurrentUser } from "@/lib/server/auth/session-cookie";
import { getWeekendDays, listHolidays } from "@/lib/server/calendar/manage-holidays";
import { getDb } from "@/lib/server/db/prisma";
import { toPersianDigits } from "@/lib/utils/digits";
import { todayJalali } from "@/lib/utils/jalali";
import { addHolidayAction, confirmHolidayAction, deleteHolidayAction, setWeekendDaysAction, updateHolidayAction } from "./actions";
import { parseYear } from "./form-schemas";

export const metadata: Metadata = { title: "تعطیلات رسمی" };

const PAGE = "/staff/admin/holidays";

const NOTICES: Record<string, string> = {
  added: "تعطیلی افزوده شد.",
  updated: "تعطیلی ویرایش شد.",
  deleted: "تعطیلی حذف شد.",
  confirmed: "تاریخ تعطیلی تأیید شد.",
  weekend: "روزهای تعطیل هفتگی ذخیره شد.",
};

export default async function HolidaysPage({
  searchParams,
}: {
  searchParams: Promise<{ year?: string | string[]; edit?: string | string[]; done?: string | string[] }>;
}) {
  const user = await getCurrentUser();
  if (!user) redirect("/staff/login");
  if (user.kind !== "staff" || user.role !== "ADMIN") notFound();

  const params = await searchParams;
  const currentYear = todayJalali().jy;
  const year = parseYear(params.year) ?? currentYear;
  // Last year (deadlines of old requests), this year and the next, whose list must be ready in time.
  const years = [...new Set([currentYear - 1, currentYear, currentYear + 1, year])].sort((a, b) => a - b);
  const db = await getDb();
  const [holidays, weekendDays] = await Promise.all([listHolidays({ db, jalaliYear: year }), getWeekendDays({ db })]);
  const provisionalCount = holidays.filter((h) => h.provisional).length;
  const editing = typeof params.edit === "string" ? holidays.find((h) => h.id === params.edit) : undefined;
  const notice = typeof params.done === "string" ? NOTICES[params.done] : undefined;

  return (
    <div className="space-y-10">
      <div className="space-y-4">
        <BackLink href="/staff">میز کار کارکنان</BackLink>
        {notice ? (
          <p role="status" className="border-s-4 border-success bg-brand-50 p-4 font-bold">
            {notice}
          </p>
        ) : null}
        <h1>تعطیلات رسمی</h1>
        <p>
          مهلت‌های قانونی پاسخ به درخواست‌ها فقط در روزهای کاری شمرده می‌شوند. فهرست تعطیلات از تقویم رسمی کشور (مرکز تقویم مؤسسه
          ژئوفیزیک دانشگاه تهران) آمده است. تعطیلی‌هایی که دولت بعداً اعلام می‌کند را اینجا بیفزایید.
        </p>
      </div>

      <nav aria-labelledby="years-heading" className="space-y-2">
        <h2 id="years-heading">سال</h2>
        <ul className="flex flex-wrap gap-3">
          {years.map((y) => (
            <li key={y}>
              <Link
                href={`${PAGE}?year=${y}`}
                aria-current={y === year ? "page" : undefined}
                className="inline-flex min-h-11 items-center rounded border-2 border-brand-700 px-4 font-bold no-underline aria-[current=page]:bg-brand-700 aria-[current=page]:text-white"
              >
                {toPersianDigits(y)}
                {y === currentYear ? " (سال جاری)" : ""}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <section aria-labelledby="holidays-heading" className="space-y-3">
        <h2 id="holidays-heading">تعطیلات سال {toPersianDigits(year)}</h2>
        {provisionalCount > 0 ? (
          <div className="border-s-4 border-ink bg-brand-50 p-4">
            <p className="font-bold">
              {toPersianDigits(provisionalCount)} تعطیلی این سال موقت است و هنوز تأیید نشده است.
            </p>
            <p>
              تقویم رسمی این سال هنگام تهیه این فهرست منتشر نشده بود و تاریخ تعطیلات قمری آن پیش‌بینی است. این روزها تا تأیید شما هم
              در شمارش مهلت‌ها تعطیل حساب می‌شوند. هر کدام را با تقویم رسمی مقایسه کنید: اگر درست است «تأیید» را بزنید و اگر نه،
              با «ویرایش» آن را به روز درست ببرید.
            </p>
          </div>
        ) : null}
        <HolidaysTable
          holidays={holidays}
          year={year}
          pagePath={PAGE}
          deleteAction={deleteHolidayAction}
          confirmAction={confirmHolidayAction}
          labelledBy="holidays-heading"
        />
      </section>

      {editing ? (
        <section aria-labelledby="holiday-form-heading" className="max-w-2xl space-y-4">
          <h2 id="holiday-form-heading">ویرایش تعطیلی {holidayDateLabel(editing)}</h2>
          <HolidayForm
            key={editing.id}
            action={updateHolidayAction}
            submitLabel="ذخیره تغییرات"
            holidayId={editing.id}
            initialValues={{ jalaliDate: toPersianDigits(editing.jalaliDate), title: toPersianDigits(editing.title) }}
          />
          <p>
            <Link href={`${PAGE}?year=${year}`} className="inline-flex min-h-11 items-center">
              انصراف از ویرایش
            </Link>
          </p>
        </section>
      ) : (
        <section aria-labelledby="holiday-form-heading" className="max-w-2xl space-y-4">
          <h2 id="holiday-form-heading">افزودن تعطیلی</h2>
          <HolidayForm action={addHolidayAction} submitLabel="افزودن تعطیلی" />
        </section>
      )}

      <section aria-labelledby="weekend-heading" className="max-w-2xl space-y-4">
        <h2 id="weekend-heading">روزهای تعطیل هفتگی</h2>
        <WeekendDaysForm action={setWeekendDaysAction} weekendDays={weekendDays} year={year} />
      </section>
    </div>
  );
}
