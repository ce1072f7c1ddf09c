import type { Metadata } from "next";
import { BackLink } from "@/components/back-link";
import { ChangePasswordForm } from "@/components/forms/change-password-form";
import { requireOwnAccount } from "@/lib/server/auth/require-citizen";
import { getDb } from "@/lib/server/db/prisma";
import { getPasswordRulesContext } from "@/lib/server/password-reset/set-new-password";
import { changePasswordAction } from "./actions";

export const metadata: Metadata = { title: "تغییر گذرواژه" };

export default async function ChangePasswordPage() {
  const user = await requireOwnAccount();
  const personal = await getPasswordRulesContext({ db: await getDb(), accountId: user.accountId });
  return (
    <div className="max-w-2xl space-y-6">
      <BackLink href="/account">خدمات من</BackLink>
      <h1>تغییر گذرواژه</h1>
      <p>پس از تغییر گذرواژه، ورود شما در دستگاه‌های دیگر بسته می‌شود.</p>
      <ChangePasswordForm action={changePasswordAction} personal={personal} />
    </div>
  );
}
