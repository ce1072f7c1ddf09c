"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { zMobile, zNationalId, zOneTimeCode } from "@/lib/schemas/fields";
import { fieldErrorsOf, formValues, type FormState } from "@/lib/schemas/form-state";
import { makeZNewPassword } from "@/lib/schemas/new-password";
import { isCommonPassword } from "@/lib/server/auth/common-passwords";
import { getDb } from "@/lib/server/db/prisma";
import { confirmResetCode } from "@/lib/server/password-reset/confirm-reset-code";
import { requestPasswordReset } from "@/lib/server/password-reset/request-password-reset";
import { clearResetTicket, readResetTicket, writeResetTicket } from "@/lib/server/password-reset/reset-ticket";
import { getPasswordRulesContext, setNewPassword } from "@/lib/server/password-reset/set-new-password";
import { getRequestIp } from "@/lib/server/request-ip";
import { toPersianDigits } from "@/lib/utils/digits";
import { formatTehranDateTime } from "@/lib/utils/jalali";

const ZRequest = z.object({ nationalId: zNationalId, mobile: zMobile });

export async function requestResetAction(_state: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData, ["nationalId", "mobile"]);
  const parsed = ZRequest.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { values, fieldErrors: fieldErrorsOf(parsed.error) };
  const result = await requestPasswordReset({ db: await getDb(), ...parsed.data, ip: await getRequestIp() });
  if (result.status === "LOCKED") {
    return {
      values,
      fieldErrors: {},
      formError: `درخواست‌های بازیابی گذرواژه بیش از حد مجاز بوده است. از ${formatTehranDateTime(result.until)} دوباره تلاش کنید.`,
    };
  }
  await writeResetTicket(parsed.data);
  redirect("/forgot-password/verify");
}

export async function confirmResetCodeAction(_state: FormState, formData: FormData): Promise<FormState> {
  const ticket = await readResetTicket();
  if (!ticket) redirect("/forgot-password");
  const parsed = z.object({ code: zOneTimeCode }).safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { values: formValues(formData, ["code"]), fieldErrors: fieldErrorsOf(parsed.error) };
  const result = await confirmResetCode({ db: await getDb(), ...ticket, code: parsed.data.code });
  if (result.ok) {
    await writeResetTicket({ ...ticket, verifiedAccountId: result.accountId });
    redirect("/forgot-password/new-password");
  }
  const message = {
    WRONG_CODE: `کد واردشده درست نیست.${result.reason === "WRONG_CODE" ? ` ${toPersianDigits(result.attemptsLeft)} بار دیگر می‌توانید تلاش کنید.` : ""}`,
    EXPIRED: "این کد منقضی شده است (هر کد ۲ دقیقه اعتبار دارد). دوباره درخواست کد کنید.",
    TOO_MANY_ATTEMPTS: "چند بار کد نادرست وارد شد و این کد دیگر پذیرفته نمی‌شود. دوباره درخواست کد کنید.",
    NO_CODE: "کد درست نیست یا منقضی شده است. کد ملی و شماره همراه را بررسی کنید و دوباره درخواست کد کنید.",
  }[result.reason];
  return { values: {}, fieldErrors: { code: message } };
}

export async function newPasswordAction(_state: FormState, formData: FormData): Promise<FormState> {
  const ticket = await readResetTicket();
  if (!ticket?.verifiedAccountId) redirect("/forgot-password");
  const db = await getDb();
  const personal = await getPasswordRulesContext({ db, accountId: ticket.verifiedAccountId });
  const parsed = makeZNewPassword(personal, { isCommon: isCommonPassword }).safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { values: {}, fieldErrors: fieldErrorsOf(parsed.error) };
  await setNewPassword({ db, accountId: ticket.verifiedAccountId, password: parsed.data.password });
  await clearResetTicket();
  redirect("/forgot-password/done");
}
