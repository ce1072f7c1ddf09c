"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { zOptionalEmail } from "@/lib/schemas/fields";
import { fieldErrorsOf, formValues, type FormState } from "@/lib/schemas/form-state";
import { requireOwnAccount } from "@/lib/server/auth/require-citizen";
import { getDb } from "@/lib/server/db/prisma";
import { resendEmailVerification } from "@/lib/server/email/resend-email-verification";
import { setCitizenEmail } from "@/lib/server/email/set-citizen-email";
import { setEmailNotices } from "@/lib/server/email/set-email-notices";
import { publicBaseUrl } from "@/lib/server/http/public-base-url";
import { formatTehranDateTime } from "@/lib/utils/jalali";

const ZEmailForm = z.object({
  email: z
    .preprocess((value) => value ?? "", zOptionalEmail)
    .refine((value) => value !== "", "نشانی پست الکترونیک را وارد کنید.")
    .refine((value) => value.length <= 254, "نشانی پست الکترونیک بیش از اندازه بلند است."),
});

/** «ذخیره و ارسال پیوند تأیید»: a new or changed address, unconfirmed until its link is used. */
export async function saveEmailAction(_state: FormState, formData: FormData): Promise<FormState> {
  const user = await requireOwnAccount();
  const values = formValues(formData, ["email"]);
  const parsed = ZEmailForm.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { values, fieldErrors: fieldErrorsOf(parsed.error) };
  const result = await setCitizenEmail({ db: await getDb(), citizenId: user.accountId, email: parsed.data.email, linkBase: await publicBaseUrl() });
  if (result.outcome === "too-many") {
    return { values, fieldErrors: {}, formError: `در یک ساعت گذشته چند پیوند تأیید فرستاده شده است. از ${formatTehranDateTime(result.until)} دوباره تلاش کنید.` };
  }
  redirect(result.outcome === "unchanged" ? "/account/email?done=unchanged" : "/account/email?done=sent");
}

/** «ارسال دوباره پیوند تأیید». */
export async function resendEmailLinkAction(_state: FormState, _formData: FormData): Promise<FormState> {
  const user = await requireOwnAccount();
  const result = await resendEmailVerification({ db: await getDb(), citizenId: user.accountId, linkBase: await publicBaseUrl() });
  if (result.ok) redirect("/account/email?done=sent");
  switch (result.reason) {
    case "too-soon":
      return { values: {}, fieldErrors: {}, formError: `پیوند تازه‌ای همین حالا فرستاده شد. از ${formatTehranDateTime(result.retryAt!)} می‌توانید دوباره درخواست کنید.` };
    case "already-confirmed":
      redirect("/account/email");
    case "no-address":
      return { values: {}, fieldErrors: {}, formError: "نشانی پست الکترونیکی ثبت نشده است. ابتدا نشانی خود را وارد کنید." };
  }
}

/** «حذف نشانی»: no more email, and the links sent to it stop working. */
export async function removeEmailAction(_state: FormState, _formData: FormData): Promise<FormState> {
  const user = await requireOwnAccount();
  await setCitizenEmail({ db: await getDb(), citizenId: user.accountId, email: "", linkBase: "" });
  redirect("/account/email?done=removed");
}

/** «قطع اطلاع‌رسانی با ایمیل»: text messages go on. */
export async function turnEmailNoticesOffAction(_state: FormState, _formData: FormData): Promise<FormState> {
  const user = await requireOwnAccount();
  await setEmailNotices({ db: await getDb(), citizenId: user.accountId, enabled: false });
  redirect("/account/email?done=off");
}

/** «دریافت اطلاع‌رسانی با ایمیل». */
export async function turnEmailNoticesOnAction(_state: FormState, _formData: FormData): Promise<FormState> {
  const user = await requireOwnAccount();
  await setEmailNotices({ db: await getDb(), citizenId: user.accountId, enabled: true });
  redirect("/account/email?done=on");
}
