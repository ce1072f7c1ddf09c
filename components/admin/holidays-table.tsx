import type { FormState } from "@/lib/schemas/form-state";
import { toPersianDigits } from "@/lib/utils/digits";
import { formatJalaliForDisplay, parseJalaliDate } from "@/lib/utils/jalali";
import { WEEKDAY_NAMES_FA, weekdayOf } from "@/lib/utils/working-days";
import { DeleteHolidayForm } from "./delete-holiday-form";

export type HolidayRow = { id: string; date: string; jalaliDate: string; title: string };

/** e.g. «جمعه ۱ فروردین ۱۴۰۴». */
export function holidayDateLabel(row: { date: string; jalaliDate: string }): string {
  const jalali = parseJalaliDate(row.jalaliDate);
  return `${WEEKDAY_NAMES_FA[weekdayOf(row.date)]} ${jalali ? formatJalaliForDisplay(jalali) : toPersianDigits(row.jalaliDate)}`;
}

/** The holidays of one year, each with an edit button (a GET form) and a delete button. */
export function HolidaysTable({
  holidays,
  year,
  pagePath,
  deleteAction,
  labelledBy,
}: {
  holidays: readonly HolidayRow[];
  year: number;
  pagePath: string;
  deleteAction: (state: FormState, formData: FormData) => Promise<FormState>;
  labelledBy: string;
}) {
  if (holidays.length === 0) return <p>برای این سال تعطیلی ثبت نشده است.</p>;
  return (
    <table aria-labelledby={labelledBy} className="w-full border-collapse text-start">
      <thead>
        <tr className="border-b-2 border-ink">
          <th scope="col" className="py-2 pe-4 text-start">
            تاریخ
          </th>
          <th scope="col" className="py-2 pe-4 text-start">
            عنوان
          </th>
          <th scope="col" className="py-2 text-start">
            کارها
          </th>
        </tr>
      </thead>
      <tbody>
        {holidays.map((holiday) => {
          const label = holidayDateLabel(holiday);
          return (
            <tr key={holiday.id} className="border-b border-brand-100 align-top">
              <td className="py-3 pe-4 sm:whitespace-nowrap">{label}</td>
              <td className="py-3 pe-4">{toPersianDigits(holiday.title)}</td>
              <td className="py-3">
                <div className="flex flex-wrap gap-2">
                  <form method="get" action={pagePath}>
                    <input type="hidden" name="year" value={year} />
                    <input type="hidden" name="edit" value={holiday.id} />
                    <button
                      type="submit"
                      className="min-h-11 rounded border-2 border-brand-700 px-4 font-bold text-brand-700 hover:bg-brand-50"
                    >
                      ویرایش<span className="sr-only"> {label}</span>
                    </button>
                  </form>
                  <DeleteHolidayForm action={deleteAction} holidayId={holiday.id} year={year} holidayLabel={label} />
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
