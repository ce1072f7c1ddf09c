"use server";

import { after } from "next/server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { zMobile, zNationalId, zOneTimeCode } from "@/lib/schemas/fields";
import { fieldErrorsOf, formValues, type FormState } from "@/lib/schemas/form-state";
import { makeZNewPassword } from "@/lib/schemas/new-password";
import { isCommonPassword } from "@/lib/server/auth/common-passwords";
import { getDb } from "@/lib/server/db/prisma";
import { confirmResetCode } from "@/lib/server/password-reset/confirm-reset-code";
import { requestPasswordReset } from "@/lib/server/password-reset/request-password-reset";
import { clearResetTicket, readResetTicket, setResetTicketCookie } from "@/lib/server/password-reset/reset-ticket";
import { createResetTicket } from "@/lib/server/password-reset/reset-tickets";
import { getPasswordRulesContext, setNewPassword } from "@/lib/server/password-reset/set-new-password";
import { getRequestIp } from "@/lib/server/request-ip";
import { formatTehranDateTime } from "@/lib/utils/jalali";

const ZRequest = z.object({ nationalId: zNationalId, mobile: zMobile });

export async function requestResetAction(_state: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData, ["nationalId", "mobile"]);
  const parsed = ZRequest.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { values, fieldErrors: fieldErrorsOf(parsed.error) };
  const db = await getDb();
  const result = await requestPasswordReset({ db, ...parsed.data, ip: await getRequestIp(), schedule: after });
  if (result.status === "LOCKED") {
    return {
      values,
      fieldErrors: {},
      formError: `درخواست‌های بازیابی گذرواژه بیش از حد مجاز بوده است. از ${formatTehranDateTime(result.until)} دوباره تلاش کنید.`,
    };
  }
  await setResetTicketCookie((await createResetTicket({ db, ...parsed.data })).token);
  redirect("/forgot-password/verify");
}

export async function confirmResetCodeAction(_state: FormState, formData: FormData): Promise<FormState> {
  const ticket = await readResetTicket();
  if (!ticket) redirect("/forgot-password");
  const parsed = z.object({ code: zOneTimeCode }).safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { values: formValues(formData, ["code"]), fieldErrors: fieldErrorsOf(parsed.error) };
  if (ticket.verifiedAccountId) redirect("/forgot-password/new-password");
  const result = await confirmResetCode({ db: await getDb(), ticket, code: parsed.data.code });
  if (result.ok) {
    await setResetTicketCookie(result.token);
    redirect("/forgot-password/new-password");
  }
  // One answer for every failure: it must not tell a registered national ID and mobile from others.
  return {
    values: {},
    fieldErrors: {
      code: "کد پذیرفته نشد: درست نیست، منقضی شده (هر کد ۲ دقیقه اعتبار دارد) یا بیش از پنج بار اشتباه وارد شده است. کد را از آخرین پیامک دوباره وارد کنید یا «درخواست دوباره کد» را بزنید.",
    },
  };
}

export async function newPasswordAction(_state: FormState, formData: FormData): Promise<FormState> {
  const ticket = await readResetTicket();
  if (!ticket?.verifiedAccountId) redirect("/forgot-password");
  const db = await getDb();
  const personal = await getPasswordRulesContext({ db, accountId: ticket.verifiedAccountId });
  const parsed = makeZNewPassword(personal, { isCommon: isCommonPassword }).safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { values: {}, fieldErrors: fieldErrorsOf(parsed.error) };
  const result = await setNewPassword({ db, ticketId: ticket.id, password: parsed.data.password });
  await clearResetTicket();
  if (!result.ok) redirect("/forgot-password");
  redirect("/forgot-password/done");
}
