"use server";

import { redirect } from "next/navigation";
import { ZCitizenSignIn } from "@/lib/schemas/sign-in";
import { fieldErrorsOf, formValues, type FormState } from "@/lib/schemas/form-state";
import { setSessionCookie } from "@/lib/server/auth/session-cookie";
import { signInCitizen } from "@/lib/server/auth/sign-in";
import { getDb } from "@/lib/server/db/prisma";
import { getRequestIp } from "@/lib/server/request-ip";
import { signInFailureMessage } from "./sign-in-messages";

const FIELDS = ["nationalId", "password"] as const;
export type CitizenSignInField = (typeof FIELDS)[number];

export async function citizenSignInAction(
  _previous: FormState<CitizenSignInField>,
  formData: FormData,
): Promise<FormState<CitizenSignInField>> {
  const values = formValues(formData, FIELDS, ["password"]);
  const parsed = ZCitizenSignIn.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { values, fieldErrors: fieldErrorsOf(parsed.error) };

  const result = await signInCitizen({ db: await getDb(), ip: await getRequestIp(), ...parsed.data });
  if (!result.ok) {
    return { values, fieldErrors: {}, formError: signInFailureMessage(result, "کد ملی یا گذرواژه درست نیست.") };
  }
  await setSessionCookie(result.session);
  redirect("/account");
}
