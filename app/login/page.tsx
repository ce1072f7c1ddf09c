import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/server/auth/session-cookie";
import { SignInForm } from "@/components/forms/sign-in-form";
import { citizenSignInAction } from "./actions";

export const metadata: Metadata = { title: "ورود بیمه‌شدگان و مستمری‌بگیران" };

export default async function LoginPage() {
  const user = await getCurrentUser();
  if (user) redirect(user.kind === "citizen" ? "/account" : "/staff");
  return (
    <div className="max-w-xl space-y-6">
      <h1>ورود بیمه‌شدگان و مستمری‌بگیران</h1>
      <SignInForm action={citizenSignInAction} id={{ name: "nationalId", label: "کد ملی", hint: "ده رقم، بدون فاصله", maxLength: 14 }} />
      <div className="space-y-2 border-t border-brand-100 pt-4">
        <p>
          <Link href="/forgot-password">گذرواژه را فراموش کرده‌ام</Link>
        </p>
        <p>
          حساب کاربری ندارید؟ <Link href="/register">ثبت‌نام در سامانه</Link>
        </p>
        <p>
          کارکنان شعبه: <Link href="/staff/login">ورود کارکنان</Link>
        </p>
      </div>
    </div>
  );
}
