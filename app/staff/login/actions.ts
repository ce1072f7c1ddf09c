"use server";

import { redirect } from "next/navigation";
import { secondStepFailureMessage, signInFailureMessage } from "@/app/login/sign-in-messages";
import { ZStaffSignIn } from "@/lib/schemas/sign-in";
import { fieldErrorsOf, formValues, type FormState } from "@/lib/schemas/form-state";
import { setSessionCookie } from "@/lib/server/auth/session-cookie";
import { signInStaff } from "@/lib/server/auth/sign-in";
import { getDb } from "@/lib/server/db/prisma";
import { getRequestIp } from "@/lib/server/request-ip";
import { afterPassword, completeEnrolment, completeSecondStep } from "@/lib/server/second-factor/after-password";
import { clearChallengeCookie, readChallenge, setChallengeCookie } from "@/lib/server/second-factor/challenge-cookie";

const FIELDS = ["personnelCode", "password"] as const;
export type StaffSignInField = (typeof FIELDS)[number];

export async function staffSignInAction(
  _previous: FormState<StaffSignInField>,
  formData: FormData,
): Promise<FormState<StaffSignInField>> {
  const values = formValues(formData, FIELDS, ["password"]);
  const parsed = ZStaffSignIn.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { values, fieldErrors: fieldErrorsOf(parsed.error) };

  const db = await getDb();
  const result = await signInStaff({ db, ip: await getRequestIp(), ...parsed.data });
  if (!result.ok) {
    return { values, fieldErrors: {}, formError: signInFailureMessage(result, "کد پرسنلی یا گذرواژه درست نیست.") };
  }
  const next = await afterPassword({ db, subject: result.subject, account: parsed.data.personnelCode });
  if (next.next === "SESSION") {
    await setSessionCookie(next.session);
    redirect("/staff");
  }
  await setChallengeCookie(next.token);
  redirect(next.next === "ENROL" ? "/staff/login/enrol" : "/staff/login/code");
}

/** «ورود دومرحله‌ای»: the authenticator's code (or a recovery code) after the password. */
export async function staffSecondStepAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const challenge = await readChallenge();
  if (!challenge || challenge.subject.kind !== "STAFF") redirect("/staff/login");
  const code = String(formData.get("code") ?? "").trim();
  if (!code) return { values: {}, fieldErrors: { code: "کد شش‌رقمی برنامه احراز هویت را وارد کنید." } };
  const result = await completeSecondStep({ db: await getDb(), challenge, code });
  if (!result.ok) return { values: {}, fieldErrors: { code: secondStepFailureMessage(result) } };
  await clearChallengeCookie();
  await setSessionCookie(result.session);
  redirect("/staff");
}

export type EnrolState = FormState & { recoveryCodes?: string[] };

/** First sign-in (or after a reset): the app's first code confirms the new authenticator. */
export async function staffEnrolAction(_previous: EnrolState, formData: FormData): Promise<EnrolState> {
  const challenge = await readChallenge();
  if (!challenge || challenge.subject.kind !== "STAFF") redirect("/staff/login");
  const code = String(formData.get("code") ?? "").trim();
  if (!code) return { values: {}, fieldErrors: { code: "کد شش‌رقمی‌ای را که برنامه نشان می‌دهد وارد کنید." } };
  const result = await completeEnrolment({ db: await getDb(), challenge, code });
  if (!result.ok) return { values: {}, fieldErrors: { code: secondStepFailureMessage(result) } };
  await clearChallengeCookie();
  await setSessionCookie(result.session);
  return { values: {}, fieldErrors: {}, recoveryCodes: result.recoveryCodes };
}
