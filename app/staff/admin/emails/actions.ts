"use server";

import { notFound, redirect } from "next/navigation";
import { isAppError } from "@/lib/errors";
import { requireStaff } from "@/lib/server/auth/require-staff";
import { getDb } from "@/lib/server/db/prisma";
import { canManageUndeliveredEmail } from "@/lib/server/email/manage-undelivered-email-policy";
import { retryEmail } from "@/lib/server/email/retry-email";
import { isUuid } from "@/lib/utils/uuid";

const PAGE = "/staff/admin/emails";

/** «ارسال دوباره» on «ایمیل‌های نرسیده»: the administrator puts a dead email back in the outbox. */
export async function retryEmailAction(formData: FormData) {
  const user = await requireStaff();
  if (!canManageUndeliveredEmail(user)) notFound();
  const emailId = String(formData.get("emailId") ?? "");
  if (!isUuid(emailId)) redirect(PAGE);
  const outcome = await retryEmail({ db: await getDb(), actor: user, emailId }).then(
    () => "retried",
    (error: unknown) => {
      // Someone else sent it again first, or it is gone or a confirmation link: the page says which, nothing changed.
      if (isAppError(error, "CONFLICT")) return "not-dead";
      if (isAppError(error, "INVALID_INPUT")) return "link";
      if (isAppError(error, "NOT_FOUND")) return "gone";
      throw error;
    },
  );
  redirect(`${PAGE}?done=${outcome}`);
}
