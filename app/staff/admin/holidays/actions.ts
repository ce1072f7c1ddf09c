"use server";

import { notFound, redirect } from "next/navigation";
import { isAppError } from "@/lib/errors";
import { fieldErrorsOf, formValues, type FormState } from "@/lib/schemas/form-state";
import { getCurrentUser } from "@/lib/server/auth/session-cookie";
import { addHoliday, confirmHoliday, deleteHoliday, setWeekendDays, updateHoliday } from "@/lib/server/calendar/manage-holidays";
import { getDb } from "@/lib/server/db/prisma";
import { HOLIDAY_FIELDS, parseYear, ZHolidayForm, ZWeekendDaysForm, type HolidayField } from "./form-schemas";

const PAGE = "/staff/admin/holidays";
const TAKEN = "در این روز تعطیلی دیگری ثبت شده است. عنوان همان روز را ویرایش کنید.";
const GONE = "این تعطیلی دیگر وجود ندارد؛ شاید کس دیگری آن را حذف کرده است. صفحه را دوباره باز کنید.";

/** The same check as the page: signed out → sign-in page; anyone but an administrator → not found. */
async function requireAdmin(): Promise<void> {
  const user = await getCurrentUser();
  if (!user) redirect("/staff/login");
  if (user.kind !== "staff" || user.role !== "ADMIN") notFound();
}

const yearOf = (jalaliDate: string) => jalaliDate.slice(0, 4);

export async function addHolidayAction(_state: FormState<HolidayField>, formData: FormData): Promise<FormState<HolidayField>> {
  await requireAdmin();
  const values = formValues(formData, HOLIDAY_FIELDS);
  const parsed = ZHolidayForm.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { values, fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    await addHoliday({ db: await getDb(), ...parsed.data });
  } catch (error) {
    if (isAppError(error, "CONFLICT")) return { values, fieldErrors: { jalaliDate: TAKEN } };
    throw error;
  }
  redirect(`${PAGE}?year=${yearOf(parsed.data.jalaliDate)}&done=added`);
}

export async function updateHolidayAction(_state: FormState<HolidayField>, formData: FormData): Promise<FormState<HolidayField>> {
  await requireAdmin();
  const values = formValues(formData, HOLIDAY_FIELDS);
  const parsed = ZHolidayForm.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { values, fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    await updateHoliday({ db: await getDb(), id: String(formData.get("id") ?? ""), ...parsed.data });
  } catch (error) {
    if (isAppError(error, "CONFLICT")) return { values, fieldErrors: { jalaliDate: TAKEN } };
    if (isAppError(error, "NOT_FOUND")) return { values, fieldErrors: {}, formError: GONE };
    throw error;
  }
  redirect(`${PAGE}?year=${yearOf(parsed.data.jalaliDate)}&done=updated`);
}

export async function deleteHolidayAction(_state: FormState, formData: FormData): Promise<FormState> {
  await requireAdmin();
  try {
    await deleteHoliday({ db: await getDb(), id: String(formData.get("id") ?? "") });
  } catch (error) {
    if (isAppError(error, "NOT_FOUND")) return { values: {}, fieldErrors: {}, formError: GONE };
    throw error;
  }
  const year = parseYear(formData.get("year")?.toString());
  redirect(`${PAGE}?${year ? `year=${year}&` : ""}done=deleted`);
}

export async function confirmHolidayAction(_state: FormState, formData: FormData): Promise<FormState> {
  await requireAdmin();
  try {
    await confirmHoliday({ db: await getDb(), id: String(formData.get("id") ?? "") });
  } catch (error) {
    if (isAppError(error, "NOT_FOUND")) return { values: {}, fieldErrors: {}, formError: GONE };
    throw error;
  }
  const year = parseYear(formData.get("year")?.toString());
  redirect(`${PAGE}?${year ? `year=${year}&` : ""}done=confirmed`);
}

export async function setWeekendDaysAction(_state: FormState<"weekendDays">, formData: FormData): Promise<FormState<"weekendDays">> {
  await requireAdmin();
  const checked = formData.getAll("weekendDays").map(String);
  const values = { weekendDays: checked.join(",") };
  const parsed = ZWeekendDaysForm.safeParse({ weekendDays: checked });
  if (!parsed.success) return { values, fieldErrors: fieldErrorsOf(parsed.error) };
  await setWeekendDays({ db: await getDb(), days: parsed.data.weekendDays });
  const year = parseYear(formData.get("year")?.toString());
  redirect(`${PAGE}?${year ? `year=${year}&` : ""}done=weekend`);
}
