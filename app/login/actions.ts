"use server";

import { redirect } from "next/navigation";
import { ZCitizenSignIn } from "@/lib/schemas/sign-in";
import { fieldErrorsOf, formValues, type FormState } from "@/lib/schemas/form-state";
import { setSessionCookie } from "@/lib/server/auth/session-cookie";
import { signInCitizen } from "@/lib/server/auth/sign-in";
import { getDb } from "@/lib/server/db/prisma";
import { getRequestIp } from "@/lib/server/request-ip";
import { afterPassword, completeSecondStep } from "@/lib/server/second-factor/after-password";
import { clearChallengeCookie, readChallenge, setChallengeCookie } from "@/lib/server/second-factor/challenge-cookie";
import { secondStepFailureMessage, signInFailureMessage } from "./sign-in-messages";

const FIELDS = ["nationalId", "password"] as const;
export type CitizenSignInField = (typeof FIELDS)[number];

export async function citizenSignInAction(
  _previous: FormState<CitizenSignInField>,
  formData: FormData,
): Promise<FormState<CitizenSignInField>> {
  const values = formValues(formData, FIELDS, ["password"]);
  const parsed = ZCitizenSignIn.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { values, fieldErrors: fieldErrorsOf(parsed.error) };

  const db = await getDb();
  const result = await signInCitizen({ db, ip: await getRequestIp(), ...parsed.data });
  if (!result.ok) {
    return { values, fieldErrors: {}, formError: signInFailureMessage(result, "کد ملی یا گذرواژه درست نیست.") };
  }
  const next = await afterPassword({ db, subject: result.subject, account: parsed.data.nationalId });
  if (next.next !== "SESSION") {
    await setChallengeCookie(next.token);
    redirect("/login/code");
  }
  await setSessionCookie(next.session);
  redirect("/account");
}

/** A citizen who turned on the second factor: the authenticator's code (or a recovery code). */
export async function citizenSecondStepAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const challenge = await readChallenge();
  if (!challenge || challenge.subject.kind !== "CITIZEN") redirect("/login");
  const code = String(formData.get("code") ?? "").trim();
  if (!code) return { values: {}, fieldErrors: { code: "کد شش‌رقمی برنامه احراز هویت را وارد کنید." } };
  const result = await completeSecondStep({ db: await getDb(), challenge, code });
  if (!result.ok) return { values: {}, fieldErrors: { code: secondStepFailureMessage(result) } };
  await clearChallengeCookie();
  await setSessionCookie(result.session);
  redirect("/account");
}
