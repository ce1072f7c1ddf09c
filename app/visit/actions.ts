"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { isAppError } from "@/lib/errors";
import { zOneTimeCode } from "@/lib/schemas/fields";
import { fieldErrorsOf, formValues, type FormState } from "@/lib/schemas/form-state";
import { ZVisitBooking, ZVisitCancel, ZVisitMove } from "@/lib/schemas/branch-visit";
import { ZTrackingLookup } from "@/lib/schemas/tracking-lookup";
import { getDb } from "@/lib/server/db/prisma";
import { verifyOneTimeCode } from "@/lib/server/otp/verify-one-time-code";
import { getRequestIp } from "@/lib/server/request-ip";
import { bookVisit } from "@/lib/server/visits/book-visit";
import { cancelVisit, moveVisit } from "@/lib/server/visits/change-visit";
import { startVisitLookup } from "@/lib/server/visits/start-visit-lookup";
import { lookedUpVisitBooker } from "@/lib/server/visits/visit-bookers";
import { readVisitTicket, setVisitTicket } from "@/lib/server/visits/visit-ticket";
import { formatTehranDateTime } from "@/lib/utils/jalali";
import { visitOutcomePath } from "../visit-outcome-path";

const PAGE = "/visit/manage";

/**
 * «پیگیری نوبت مراجعه»: public on purpose (a person refused at registration has
 * no account). The tracking code and national ID find the visit; only the SMS
 * code sent to the booking's mobile opens it. Attempts are limited per network.
 */
export async function findVisitAction(_state: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData, ["trackingCode", "nationalId"]);
  const parsed = ZTrackingLookup.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { values, fieldErrors: fieldErrorsOf(parsed.error) };
  const result = await startVisitLookup({ db: await getDb(), ...parsed.data, ip: await getRequestIp() }).catch((error: unknown) => {
    if (isAppError(error, "SMS_UNAVAILABLE")) return { smsDown: true as const };
    throw error;
  });
  if ("smsDown" in result) return { values, fieldErrors: {}, formError: "فرستادن پیامک کد هم‌اکنون ممکن نشد. چند دقیقه دیگر دوباره تلاش کنید." };
  if ("locked" in result) {
    return { values, fieldErrors: {}, formError: `جست‌وجوهای کد رهگیری از شبکه شما بیش از حد مجاز بوده است. از ${formatTehranDateTime(result.until)} دوباره تلاش کنید.` };
  }
  if (!result.found) return { values, fieldErrors: {}, formError: "نوبت رزروشده‌ای با این کد رهگیری و کد ملی پیدا نشد. هر دو را دوباره بررسی کنید." };
  if (!result.sent.ok && result.sent.reason === "TOO_MANY_SENDS") {
    return { values, fieldErrors: {}, formError: `برای این شماره بیش از حد مجاز کد فرستاده شده است. از ${formatTehranDateTime(result.sent.retryAt)} دوباره تلاش کنید.` };
  }
  // A code sent a moment ago is still good: the person types that one.
  await setVisitTicket({ visitId: result.visitId, confirmed: false });
  redirect("/visit/verify");
}

export async function confirmVisitCodeAction(_state: FormState, formData: FormData): Promise<FormState> {
  const ticket = await readVisitTicket();
  if (!ticket) redirect("/visit");
  const parsed = z.object({ code: zOneTimeCode }).safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { values: formValues(formData, ["code"]), fieldErrors: fieldErrorsOf(parsed.error) };
  if (ticket.confirmed) redirect(PAGE);
  const result = await verifyOneTimeCode({ db: await getDb(), purpose: "VISIT_LOOKUP", subjectId: ticket.visitId, code: parsed.data.code });
  if (!result.ok) {
    return {
      values: {},
      fieldErrors: { code: "کد پذیرفته نشد: درست نیست، منقضی شده (هر کد ۲ دقیقه اعتبار دارد) یا بیش از پنج بار اشتباه وارد شده است. دوباره از «پیگیری نوبت مراجعه» کد بخواهید." },
    };
  }
  await setVisitTicket({ visitId: ticket.visitId, confirmed: true });
  redirect(PAGE);
}

/** The person who confirmed the SMS code of this browser's look-up; anyone else back to the look-up. */
async function lookedUpPerson() {
  const ticket = await readVisitTicket();
  if (!ticket?.confirmed) redirect("/visit");
  const db = await getDb();
  const booker = await lookedUpVisitBooker({ db, visitId: ticket.visitId });
  if (!booker) redirect("/visit");
  return { db, booker };
}

export async function bookLookedUpVisitAction(formData: FormData) {
  const { db, booker } = await lookedUpPerson();
  const parsed = ZVisitBooking.safeParse(Object.fromEntries(formData));
  if (!parsed.success) redirect(visitOutcomePath(PAGE, "NO_SLOT", formData));
  const result = await bookVisit({ db, booker, slotId: parsed.data.slotId });
  redirect(visitOutcomePath(PAGE, result.booked ? "booked" : result.reason, formData));
}

export async function moveLookedUpVisitAction(formData: FormData) {
  const { db, booker } = await lookedUpPerson();
  const parsed = ZVisitMove.safeParse(Object.fromEntries(formData));
  if (!parsed.success) redirect(visitOutcomePath(PAGE, "NO_SLOT", formData));
  const result = await moveVisit({ db, nationalId: booker.nationalId, ...parsed.data });
  redirect(visitOutcomePath(PAGE, result.changed ? "moved" : result.reason, formData));
}

export async function cancelLookedUpVisitAction(formData: FormData) {
  const { db, booker } = await lookedUpPerson();
  const parsed = ZVisitCancel.safeParse(Object.fromEntries(formData));
  if (!parsed.success) redirect(visitOutcomePath(PAGE, "NOT_FOUND", formData));
  const result = await cancelVisit({ db, nationalId: booker.nationalId, ...parsed.data });
  redirect(visitOutcomePath(PAGE, result.changed ? "cancelled" : result.reason, formData));
}
