"use server";

import { redirect } from "next/navigation";
import { fieldErrorsOf, formValues, type FormState } from "@/lib/schemas/form-state";
import { ZMandateConsent, ZMandateRequest } from "@/lib/schemas/mandate";
import { requireOwnAccount } from "@/lib/server/auth/require-citizen";
import { getDb } from "@/lib/server/db/prisma";
import { confirmMandate } from "@/lib/server/mandates/confirm-mandate";
import { requestMandate } from "@/lib/server/mandates/request-mandate";
import { revokeMandate } from "@/lib/server/mandates/revoke-mandate";
import { toPersianDigits } from "@/lib/utils/digits";
import { formatTehranDateTime } from "@/lib/utils/jalali";
import { isUuid } from "@/lib/utils/uuid";

/** «درخواست نمایندگی»: a helper asks to act for someone; the code goes to that person's mobile. */
export async function requestMandateAction(_state: FormState, formData: FormData): Promise<FormState> {
  const user = await requireOwnAccount();
  const values = { ...formValues(formData, ["principalNationalId", "months"] as const), scopes: formData.getAll("scopes").join(",") };
  const parsed = ZMandateRequest.safeParse({
    principalNationalId: formData.get("principalNationalId"),
    scopes: formData.getAll("scopes"),
    months: formData.get("months"),
  });
  if (!parsed.success) return { values, fieldErrors: fieldErrorsOf(parsed.error) };
  const result = await requestMandate({ db: await getDb(), helperId: user.accountId, ...parsed.data });
  if (!result.ok) {
    if (result.reason === "SELF") return { values, fieldErrors: { principalNationalId: "این کد ملی خود شماست؛ کد ملی کسی را بنویسید که می‌خواهید برایش کار کنید." } };
    if (result.reason === "ALREADY_ACTIVE") return { values, fieldErrors: { principalNationalId: "شما هم‌اکنون نماینده این فرد هستید. برای تغییر کارها یا مدت، نخست نمایندگی فعلی را لغو کنید." } };
    return { values, fieldErrors: {}, formError: `درخواست‌های نمایندگی شما از حد مجاز گذشته است؛ از ${formatTehranDateTime(result.until)} دوباره تلاش کنید.` };
  }
  redirect(`/account/mandates/${result.mandateId}/confirm`);
}

/** The helper types the code the principal received. */
export async function confirmMandateAction(mandateId: string, _state: FormState, formData: FormData): Promise<FormState> {
  const user = await requireOwnAccount();
  const values = formValues(formData, ["code"] as const);
  const parsed = ZMandateConsent.safeParse({ code: formData.get("code") });
  if (!parsed.success) return { values, fieldErrors: fieldErrorsOf(parsed.error) };
  if (!isUuid(mandateId)) redirect("/account/mandates");
  const result = await confirmMandate({ db: await getDb(), helperId: user.accountId, mandateId, code: parsed.data.code });
  if (result.ok) redirect("/account/mandates?granted=1");
  switch (result.reason) {
    case "WRONG_CODE":
      return {
        values,
        fieldErrors: {
          code:
            result.attemptsLeft !== undefined
              ? `کد تأیید درست نیست. ${toPersianDigits(result.attemptsLeft)} بار دیگر می‌توانید تلاش کنید.`
              : "کد تأیید درست نیست. کدی را بنویسید که به همراه آن فرد پیامک شده است.",
        },
      };
    case "EXPIRED":
      return { values, fieldErrors: { code: "مهلت این کد تمام شده است. درخواست نمایندگی را دوباره ثبت کنید تا کد تازه‌ای فرستاده شود." } };
    case "TOO_MANY_ATTEMPTS":
      return { values, fieldErrors: { code: "کد چند بار نادرست وارد شد و دیگر پذیرفته نمی‌شود. درخواست نمایندگی را دوباره ثبت کنید." } };
    case "ALREADY_ACTIVE":
      return { values, fieldErrors: {}, formError: "شما هم‌اکنون نماینده این فرد هستید." };
    case "NOT_PENDING":
      return { values, fieldErrors: {}, formError: "این درخواست نمایندگی دیگر در انتظار تأیید نیست. فهرست نمایندگی‌ها را ببینید." };
  }
}

/** Either side ends a mandate (or the helper withdraws a request). */
export async function revokeMandateAction(mandateId: string): Promise<void> {
  const user = await requireOwnAccount();
  if (isUuid(mandateId)) await revokeMandate({ db: await getDb(), citizenId: user.accountId, mandateId });
  redirect("/account/mandates?revoked=1");
}
