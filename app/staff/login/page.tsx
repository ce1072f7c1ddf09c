import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/server/auth/session-cookie";
import { SignInForm } from "@/components/forms/sign-in-form";
import { staffSignInAction } from "./actions";

export const metadata: Metadata = { title: "ورود کارکنان شعبه" };

export default async function StaffLoginPage() {
  const user = await getCurrentUser();
  if (user) redirect(user.kind === "staff" ? "/staff" : "/account");
  return (
    <div className="max-w-xl space-y-6">
      <h1>ورود کارکنان شعبه</h1>
      <p className="text-muted">این بخش فقط برای کارکنان سازمان است. برای امنیت، پس از ۱۵ دقیقه بی‌کاری از سامانه خارج می‌شوید.</p>
      <SignInForm action={staffSignInAction} id={{ name: "personnelCode", label: "کد پرسنلی", maxLength: 12 }} />
      <p>
        ورود با کد پرسنلی شما بسته شده است؟{" "}
        <Link href="/staff/unlock" prefetch={false}>
          باز کردن قفل با پیامک
        </Link>
      </p>
    </div>
  );
}
