"use server";

import { redirect } from "next/navigation";
import type { FormState } from "@/lib/schemas/form-state";
import { requireOwnAccount } from "@/lib/server/auth/require-citizen";
import { getDb } from "@/lib/server/db/prisma";
import { disableCitizenSecondFactor } from "@/lib/server/second-factor/disable-second-factor";
import { confirmEnrolment, startEnrolment } from "@/lib/server/second-factor/enrolment";

/** «فعال‌سازی ورود دومرحله‌ای»: a new secret to add to the app. */
export async function startCitizenEnrolmentAction() {
  const user = await requireOwnAccount();
  await startEnrolment({ db: await getDb(), subject: { kind: "CITIZEN", citizenId: user.accountId }, account: user.nationalId });
  redirect("/account/security");
}

/** The app's first code turns the second factor on and gives the recovery codes. */
export async function citizenEnrolAction(_state: FormState & { recoveryCodes?: string[] }, formData: FormData): Promise<FormState & { recoveryCodes?: string[] }> {
  const user = await requireOwnAccount();
  const code = String(formData.get("code") ?? "").trim();
  if (!code) return { values: {}, fieldErrors: { code: "کد شش‌رقمی‌ای را که برنامه نشان می‌دهد وارد کنید." } };
  const result = await confirmEnrolment({ db: await getDb(), subject: { kind: "CITIZEN", citizenId: user.accountId }, code });
  if (!result.ok) return { values: {}, fieldErrors: { code: "کد درست نیست. کد کنونی برنامه را وارد کنید (ساعت گوشی باید درست باشد)." } };
  return { values: {}, fieldErrors: {}, recoveryCodes: result.recoveryCodes };
}

/** «غیرفعال کردن»: only with a code from the app or a recovery code. */
export async function disableSecondFactorAction(_state: FormState, formData: FormData): Promise<FormState> {
  const user = await requireOwnAccount();
  const code = String(formData.get("code") ?? "").trim();
  if (!code) return { values: {}, fieldErrors: { code: "کد برنامه احراز هویت یا یک کد بازیابی را وارد کنید." } };
  const result = await disableCitizenSecondFactor({ db: await getDb(), citizenId: user.accountId, code });
  if (!result.ok) return { values: {}, fieldErrors: { code: "کد درست نیست یا پیش‌تر به کار رفته است." } };
  redirect("/account/security?off=1");
}
