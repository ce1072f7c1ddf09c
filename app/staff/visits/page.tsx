import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { KIND_LABEL, REASON_LABEL, STAFF_STATUS_LABEL } from "@/components/requests/labels";
import { SubmitButton } from "@/components/forms/submit-button";
import { addDays, bookableDays, MAX_SLOT_CAPACITY } from "@/lib/domain/branch-visits";
import { requireStaff } from "@/lib/server/auth/require-staff";
import { getWorkCalendar } from "@/lib/server/calendar/get-work-calendar";
import { getDb } from "@/lib/server/db/prisma";
import { listBranchDay } from "@/lib/server/visits/list-branch-day";
import { canSeeBranchVisits, canSetVisitCapacity } from "@/lib/server/visits/visit-access";
import { toPersianDigits } from "@/lib/utils/digits";
import { formatJalaliForDisplay, formatTehranTime, gregorianToJalali } from "@/lib/utils/jalali";
import { formatTrackingCode } from "@/lib/utils/tracking-code";
import { isWorkingDay, tehranDate, WEEKDAY_NAMES_FA, weekdayOf } from "@/lib/utils/working-days";
import { markVisitAction, setVisitCapacityAction } from "./actions";

export const metadata: Metadata = { title: "نوبت‌های مراجعه" };

const PAGE = "/staff/visits";

const MESSAGES: Record<string, { text: string; ok: boolean }> = {
  "capacity-saved": { text: "ظرفیت نوبت‌های این روز ثبت شد.", ok: true },
  "capacity-kept": { text: "ظرفیت ثبت شد؛ نوبت‌هایی که بیش از ظرفیت تازه رزرو داشتند با همان تعداد رزرو ماندند.", ok: true },
  "marked-ARRIVED": { text: "مراجعه ثبت شد.", ok: true },
  "marked-NO_SHOW": { text: "عدم مراجعه ثبت شد.", ok: true },
  CAPACITY: { text: `ظرفیت هر نوبت را با عددی از ۰ تا ${toPersianDigits(MAX_SLOT_CAPACITY)} بنویسید (۰ یعنی این روز نوبت تازه نمی‌گیرد).`, ok: false },
  DAY: { text: "ظرفیت را فقط برای روزهای کاری از فردا تا سی روز آینده می‌توان تعیین کرد.", ok: false },
  NOT_FOUND: { text: "این نوبت در شعبه شما پیدا نشد.", ok: false },
  CONFLICT: { text: "وضعیت این نوبت پیش‌تر ثبت شده است.", ok: false },
  INVALID_INPUT: { text: "عدم مراجعه را پس از رسیدن ساعت نوبت می‌توان ثبت کرد.", ok: false },
};

const VISIT_STATUS: Record<string, string> = { BOOKED: "در انتظار مراجعه", ARRIVED: "مراجعه کرد", NO_SHOW: "مراجعه نکرد", CANCELLED: "لغو شده" };

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);
const dayLabel = (day: string) => `${WEEKDAY_NAMES_FA[weekdayOf(day)]} ${formatJalaliForDisplay(gregorianToJalali(new Date(`${day}T12:00:00Z`)))}`;

export default async function BranchVisitsPage({
  searchParams,
}: {
  searchParams: Promise<{ day?: string | string[]; m?: string | string[]; perSlot?: string | string[] }>;
}) {
  const user = await requireStaff();
  if (!canSeeBranchVisits(user)) notFound();
  const db = await getDb();
  const now = new Date();
  const calendar = await getWorkCalendar({ db, now });
  const today = tehranDate(now);
  // The last week's working days (to mark someone late), today, and the bookable days ahead.
  const pastDays = Array.from({ length: 7 }, (_, i) => addDays(today, i - 7)).filter((d) => isWorkingDay(d, calendar));
  const ahead = bookableDays(now, calendar);
  const choices = [...pastDays, today, ...ahead];
  const params = await searchParams;
  const asked = one(params.day);
  const day = asked && choices.includes(asked) ? asked : today;
  const { slots, visits } = await listBranchDay({ db, staff: user, day });
  const message = MESSAGES[one(params.m) ?? ""];
  const head = canSetVisitCapacity(user);
  const canOpen = head && ahead.includes(day);
  const perSlot = one(params.perSlot) ?? String(slots[0]?.capacity ?? "");

  return (
    <div className="space-y-6">
      <h1>نوبت‌های مراجعه</h1>
      {message ? (
        <p role={message.ok ? "status" : "alert"} className={`border-s-4 p-4 font-bold ${message.ok ? "border-success bg-brand-50" : "border-danger text-danger"}`}>
          {message.text}
        </p>
      ) : null}
      <form method="get" action={PAGE} className="flex flex-wrap items-end gap-3">
        <div className="min-w-0 max-w-full space-y-1">
          <label htmlFor="visit-day" className="block font-bold">
            روز
          </label>
          <select id="visit-day" name="day" defaultValue={day} className="block min-h-12 w-full max-w-full rounded border-2 border-brand-700 bg-white px-3">
            {choices.map((d) => (
              <option key={d} value={d}>
                {d === today ? `امروز، ${dayLabel(d)}` : dayLabel(d)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="min-h-12 rounded border-2 border-brand-700 px-4 font-bold text-brand-700 hover:bg-brand-50">
          نمایش
        </button>
      </form>

      <section aria-labelledby="slots-heading" className="space-y-3">
        <h2 id="slots-heading">ظرفیت {dayLabel(day)}</h2>
        {slots.length === 0 ? (
          <p>برای این روز ظرفیتی تعیین نشده است.</p>
        ) : (
          <ul className="flex flex-wrap gap-3">
            {slots.map((s) => (
              <li key={s.startsAt.toISOString()} className="rounded border border-brand-100 px-3 py-2">
                ساعت {formatTehranTime(s.startsAt)}: {toPersianDigits(s.booked)} از {toPersianDigits(s.capacity)} نوبت رزرو شده
              </li>
            ))}
          </ul>
        )}
        {canOpen ? (
          <form action={setVisitCapacityAction} className="flex flex-wrap items-end gap-3">
            <input type="hidden" name="day" value={day} />
            <div className="space-y-1">
              <label htmlFor="per-slot" className="block font-bold">
                ظرفیت هر نوبت (نفر)
              </label>
              <p id="per-slot-hint" className="text-sm text-muted">
                نوبت‌ها هر ساعت از ۸ تا ۱۳ است؛ ۰ یعنی این روز نوبت تازه نمی‌گیرد.
              </p>
              <input
                id="per-slot"
                name="perSlot"
                inputMode="numeric"
                defaultValue={perSlot}
                aria-describedby="per-slot-hint"
                aria-invalid={message && !message.ok ? true : undefined}
                className="min-h-12 w-32 rounded border-2 border-brand-700 px-3"
              />
            </div>
            <SubmitButton>ثبت ظرفیت</SubmitButton>
          </form>
        ) : null}
      </section>

      <section aria-labelledby="visits-heading" className="space-y-3">
        <h2 id="visits-heading">مراجعه‌کنندگان</h2>
        {visits.length === 0 ? (
          <p>برای این روز نوبتی رزرو نشده است.</p>
        ) : (
          <ul className="space-y-3">
            {visits.map((v) => (
              <li key={v.id} className="space-y-2 rounded border border-brand-100 p-4">
                <p className="font-bold">
                  ساعت {formatTehranTime(v.startsAt)}، کد ملی <span dir="ltr">{toPersianDigits(v.nationalId)}</span>، {VISIT_STATUS[v.status]}
                </p>
                <p className="text-sm">
                  کد رهگیری نوبت <span dir="ltr">{formatTrackingCode(v.trackingCode)}</span>، همراه <span dir="ltr">{toPersianDigits(v.mobile)}</span>
                </p>
                {v.bookedByHelper ? (
                  <p>
                    نوبت را نماینده او، {v.bookedByHelper.name} (کد ملی <span dir="ltr">{toPersianDigits(v.bookedByHelper.nationalId)}</span>)، رزرو کرده است.
                  </p>
                ) : null}
                {v.request ? (
                  <p>
                    {KIND_LABEL[v.request.kind]} با کد رهگیری <span dir="ltr">{formatTrackingCode(v.request.trackingCode)}</span>: {STAFF_STATUS_LABEL[v.request.status]}
                    {v.request.reasonCode ? `، ${REASON_LABEL[v.request.reasonCode] ?? v.request.reasonCode}` : ""}
                    {v.request.canOpen ? (
                      <>
                        {" "}
                        <Link href={`/staff/requests/${v.request.id}`}>باز کردن درخواست</Link>
                      </>
                    ) : null}
                  </p>
                ) : null}
                {v.status === "BOOKED" ? (
                  <form action={markVisitAction} className="flex flex-wrap gap-3">
                    <input type="hidden" name="visitId" value={v.id} />
                    <input type="hidden" name="day" value={day} />
                    <button name="outcome" value="ARRIVED" className="min-h-11 rounded bg-brand-700 px-4 font-bold text-white hover:bg-brand-800">
                      مراجعه کرد
                    </button>
                    {/* Absent only once the slot's time has come; someone early is simply received. */}
                    {v.startsAt <= now ? (
                      <button name="outcome" value="NO_SHOW" className="min-h-11 rounded border-2 border-danger px-4 font-bold text-danger hover:bg-red-50">
                        مراجعه نکرد
                      </button>
                    ) : null}
                  </form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
