"use server";

import { cookies } from "next/headers";
import { after } from "next/server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { zOneTimeCode, zPersonnelCode } from "@/lib/schemas/fields";
import { fieldErrorsOf, formValues, type FormState } from "@/lib/schemas/form-state";
import { shouldUseSecureCookies } from "@/lib/server/auth/cookie-security";
import { getDb } from "@/lib/server/db/prisma";
import { getRequestIp } from "@/lib/server/request-ip";
import { confirmStaffUnlock, requestStaffUnlock } from "@/lib/server/staff/staff-unlock";
import { formatTehranDateTime } from "@/lib/utils/jalali";

// Which personnel code the code was asked for; not a secret (the code is).
const COOKIE = "tamin.unlock";

/** «باز کردن قفل با پیامک», step 1: a code to the registered mobile. */
export async function requestUnlockAction(_state: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData, ["personnelCode"]);
  const parsed = z.object({ personnelCode: zPersonnelCode }).safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { values, fieldErrors: fieldErrorsOf(parsed.error) };
  const result = await requestStaffUnlock({ db: await getDb(), personnelCode: parsed.data.personnelCode, ip: await getRequestIp(), schedule: after });
  if (result.status === "LOCKED") {
    return { values, fieldErrors: {}, formError: `درخواست کد بیش از حد مجاز بوده است. از ${formatTehranDateTime(result.until)} دوباره تلاش کنید یا از رئیس شعبه بخواهید قفل را باز کند.` };
  }
  (await cookies()).set(COOKIE, parsed.data.personnelCode, { httpOnly: true, secure: await shouldUseSecureCookies(), sameSite: "lax", path: "/staff/unlock", maxAge: 15 * 60 });
  redirect("/staff/unlock/verify");
}

/** Step 2: the code lifts the lock. */
export async function confirmUnlockAction(_state: FormState, formData: FormData): Promise<FormState> {
  const personnelCode = (await cookies()).get(COOKIE)?.value;
  if (!personnelCode) redirect("/staff/unlock");
  const parsed = z.object({ code: zOneTimeCode }).safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { values: formValues(formData, ["code"]), fieldErrors: fieldErrorsOf(parsed.error) };
  const result = await confirmStaffUnlock({ db: await getDb(), personnelCode, code: parsed.data.code });
  if (!result.ok) {
    return { values: {}, fieldErrors: { code: "کد پذیرفته نشد: درست نیست، منقضی شده یا بیش از پنج بار اشتباه وارد شده است. دوباره درخواست کد کنید." } };
  }
  (await cookies()).delete({ name: COOKIE, path: "/staff/unlock" });
  return { values: {}, fieldErrors: {}, notice: "قفل ورود برداشته شد. اکنون با گذرواژه و کد برنامه احراز هویت وارد شوید." };
}
