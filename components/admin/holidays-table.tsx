import type { FormState } from "@/lib/schemas/form-state";
import { toPersianDigits } from "@/lib/utils/digits";
import { formatJalaliForDisplay, parseJalaliDate } from "@/lib/utils/jalali";
import { WEEKDAY_NAMES_FA, weekdayOf } from "@/lib/utils/working-days";
import { HolidayRowAction } from "./holiday-row-action";

export type HolidayRow = { id: string; date: string; jalaliDate: string; title: string; provisional: boolean };

type RowAction = (state: FormState, formData: FormData) => Promise<FormState>;

/** e.g. «جمعه ۱ فروردین ۱۴۰۴». */
export function holidayDateLabel(row: { date: string; jalaliDate: string }): string {
  const jalali = parseJalaliDate(row.jalaliDate);
  return `${WEEKDAY_NAMES_FA[weekdayOf(row.date)]} ${jalali ? formatJalaliForDisplay(jalali) : toPersianDigits(row.jalaliDate)}`;
}

/**
 * The holidays of one year, each with an edit button (a GET form) and a delete
 * button; a provisional day (listed before the official calendar was out) says so
 * and has a confirm button.
 */
export function HolidaysTable({
  holidays,
  year,
  pagePath,
  deleteAction,
  confirmAction,
  labelledBy,
}: {
  holidays: readonly HolidayRow[];
  year: number;
  pagePath: string;
  deleteAction: RowAction;
  confirmAction: RowAction;
  labelledBy: string;
}) {
  if (holidays.length === 0) return <p>برای این سال تعطیلی ثبت نشده است.</p>;
  return (
    // At 200 % text on a phone the table scrolls sideways in its own box (WCAG 1.4.10's exception for data tables), not the page;
    // positioned, so the buttons' visually hidden words (absolutely placed) stay inside it too.
    <div className="relative overflow-x-auto">
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
                <td className="py-3 pe-4">
                  {toPersianDigits(holiday.title)}
                  {holiday.provisional ? (
                    <>
                      {" "}
                      <strong className="inline-block rounded border border-ink px-2 text-sm">موقت، تأییدنشده</strong>
                    </>
                  ) : null}
                </td>
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
                    {holiday.provisional ? (
                      <HolidayRowAction action={confirmAction} holidayId={holiday.id} year={year} label="تأیید" holidayLabel={label} tone="brand" />
                    ) : null}
                    <HolidayRowAction action={deleteAction} holidayId={holiday.id} year={year} label="حذف" holidayLabel={label} tone="danger" />
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
