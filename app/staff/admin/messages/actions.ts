"use server";

import { notFound, redirect } from "next/navigation";
import { isAppError } from "@/lib/errors";
import { requireStaff } from "@/lib/server/auth/require-staff";
import { getDb } from "@/lib/server/db/prisma";
import { canManageUndeliveredSms } from "@/lib/server/sms/manage-undelivered-sms-policy";
import { retrySms } from "@/lib/server/sms/retry-sms";
import { isUuid } from "@/lib/utils/uuid";

const PAGE = "/staff/admin/messages";

/** «ارسال دوباره» on «پیامک‌های نرسیده»: the administrator puts a dead message back in the outbox. */
export async function retrySmsAction(formData: FormData) {
  const user = await requireStaff();
  if (!canManageUndeliveredSms(user)) notFound();
  const messageId = String(formData.get("messageId") ?? "");
  if (!isUuid(messageId)) redirect(PAGE);
  const outcome = await retrySms({ db: await getDb(), actor: user, messageId }).then(
    () => "retried",
    (error: unknown) => {
      // Someone else sent it again first, or it is gone or a code: the page says which, nothing changed.
      if (isAppError(error, "CONFLICT")) return "not-dead";
      if (isAppError(error, "INVALID_INPUT")) return "code";
      if (isAppError(error, "NOT_FOUND")) return "gone";
      throw error;
    },
  );
  redirect(`${PAGE}?done=${outcome}`);
}
