import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { NewPasswordForm } from "@/components/forms/new-password-form";
import { getDb } from "@/lib/server/db/prisma";
import { readResetTicket } from "@/lib/server/password-reset/reset-ticket";
import { getPasswordRulesContext } from "@/lib/server/password-reset/set-new-password";
import { newPasswordAction } from "../actions";

export const metadata: Metadata = { title: "بازیابی گذرواژه: گذرواژه تازه" };

export default async function NewPasswordPage() {
  const ticket = await readResetTicket();
  if (!ticket?.verifiedAccountId) redirect("/forgot-password");
  const personal = await getPasswordRulesContext({ db: await getDb(), accountId: ticket.verifiedAccountId });
  return (
    <div className="max-w-2xl space-y-6">
      <h1>گذرواژه تازه را انتخاب کنید</h1>
      <p>پس از تغییر گذرواژه، همه ورودهای قبلی شما (در هر دستگاهی) بسته می‌شود.</p>
      <NewPasswordForm action={newPasswordAction} personal={personal} submitLabel="ذخیره گذرواژه" />
    </div>
  );
}
