"use server";

import { redirect } from "next/navigation";
import { signInFailureMessage } from "@/app/login/sign-in-messages";
import { ZStaffSignIn } from "@/lib/schemas/sign-in";
import { fieldErrorsOf, formValues, type FormState } from "@/lib/schemas/form-state";
import { setSessionCookie } from "@/lib/server/auth/session-cookie";
import { signInStaff } from "@/lib/server/auth/sign-in";
import { getDb } from "@/lib/server/db/prisma";
import { getRequestIp } from "@/lib/server/request-ip";

const FIELDS = ["personnelCode", "password"] as const;
export type StaffSignInField = (typeof FIELDS)[number];

export async function staffSignInAction(
  _previous: FormState<StaffSignInField>,
  formData: FormData,
): Promise<FormState<StaffSignInField>> {
  const values = formValues(formData, FIELDS, ["password"]);
  const parsed = ZStaffSignIn.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { values, fieldErrors: fieldErrorsOf(parsed.error) };

  const result = await signInStaff({ db: await getDb(), ip: await getRequestIp(), ...parsed.data });
  if (!result.ok) {
    return { values, fieldErrors: {}, formError: signInFailureMessage(result, "کد پرسنلی یا گذرواژه درست نیست.") };
  }
  await setSessionCookie(result.session);
  redirect("/staff");
}
