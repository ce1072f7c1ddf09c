"use server";

import { redirect } from "next/navigation";
import { zPasswordForSignIn } from "@/lib/schemas/fields";
import { fieldErrorsOf, type FormState } from "@/lib/schemas/form-state";
import { makeZNewPassword } from "@/lib/schemas/new-password";
import { changePassword } from "@/lib/server/accounts/change-password";
import { isCommonPassword } from "@/lib/server/auth/common-passwords";
import { requireOwnAccount } from "@/lib/server/auth/require-citizen";
import { getDb } from "@/lib/server/db/prisma";
import { getPasswordRulesContext } from "@/lib/server/password-reset/set-new-password";
import { formatTehranDateTime } from "@/lib/utils/jalali";
import { z } from "zod";

export async function changePasswordAction(_state: FormState, formData: FormData): Promise<FormState> {
  const user = await requireOwnAccount();
  const db = await getDb();
  const personal = await getPasswordRulesContext({ db, accountId: user.accountId });
  const schema = z.object({ currentPassword: zPasswordForSignIn }).and(makeZNewPassword(personal, { isCommon: isCommonPassword }));
  const parsed = schema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { values: {}, fieldErrors: fieldErrorsOf(parsed.error) };
  const result = await changePassword({
    db,
    accountId: user.accountId,
    sessionId: user.sessionId,
    currentPassword: parsed.data.currentPassword,
    newPassword: parsed.data.password,
  });
  if (!result.ok) {
    return result.reason === "LOCKED"
      ? { values: {}, fieldErrors: {}, formError: `به دلیل چند تلاش ناموفق، تا ${formatTehranDateTime(result.until)} نمی‌توانید گذرواژه را تغییر دهید.` }
      : { values: {}, fieldErrors: { currentPassword: "گذرواژه فعلی درست نیست." } };
  }
  redirect("/account?password=changed");
}
