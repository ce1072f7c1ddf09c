import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "گذرواژه تغییر کرد" };

export default function ResetDonePage() {
  return (
    <div className="max-w-2xl space-y-6">
      <div className="bg-success p-6 text-white">
        <h1>گذرواژه شما تغییر کرد</h1>
      </div>
      <p>همه ورودهای قبلی بسته شد و پیامکی برای اطلاع شما فرستاده شد. اکنون با گذرواژه تازه وارد شوید.</p>
      <p>
        <Link href="/login">ورود به سامانه</Link>
      </p>
    </div>
  );
}
