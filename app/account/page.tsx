import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { DefinitionList } from "@/components/definition-list";
import { getCitizenProfile } from "@/lib/server/accounts/get-citizen-profile";
import { getCurrentUser } from "@/lib/server/auth/session-cookie";
import { getDb } from "@/lib/server/db/prisma";
import { toPersianDigits } from "@/lib/utils/digits";

export const metadata: Metadata = { title: "خدمات من" };

const KIND_LABEL = { INSURED: "بیمه‌شده", PENSIONER: "مستمری‌بگیر" } as const;

// The services that exist; each later service adds its entry here.
const SERVICES = [
  { href: "/account/requests", title: "درخواست‌های من", body: "وضعیت درخواست‌ها و پرسش‌هایتان، موعد پاسخ و رسید آن‌ها را ببینید یا پرسش تازه‌ای ثبت کنید." },
  { href: "/account/dependents", title: "افراد تحت تکفل", body: "همسر، فرزندان و پدر و مادری که تحت پوشش بیمه شما هستند را ببینید یا فرد تازه‌ای اضافه کنید." },
  { href: "/account/visits", title: "نوبت مراجعه به شعبه", body: "برای کاری که حضوری است، روز و ساعت مراجعه به شعبه را رزرو، جابه‌جا یا لغو کنید." },
  { href: "/account/messages", title: "پیام‌ها", body: "پیامک‌هایی که سامانه درباره حساب و درخواست‌هایتان فرستاده است." },
  { href: "/account/file-views", title: "چه کسانی پرونده من را دیده‌اند", body: "هر بار که کارکنان شعبه پرونده یا مدارک شما را دیده‌اند یا درباره آن تصمیم گرفته‌اند، اینجا ثبت شده است." },
  { href: "/account/password", title: "تغییر گذرواژه", body: "گذرواژه ورود به سامانه را عوض کنید." },
  { href: "/account/security", title: "ورود دومرحله‌ای", body: "ورود با کد برنامه احراز هویت روی گوشی، علاوه بر گذرواژه (اختیاری)." },
];

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ password?: string }> }) {
  const user = await getCurrentUser();
  if (!user || user.kind !== "citizen") redirect("/login");
  const profile = await getCitizenProfile({ db: await getDb(), accountId: user.accountId });
  const { password } = await searchParams;
  return (
    <div className="space-y-8">
      {password === "changed" ? (
        <p role="status" className="border-s-4 border-success bg-brand-50 p-4 font-bold">
          گذرواژه شما تغییر کرد. ورود شما در دستگاه‌های دیگر بسته شد.
        </p>
      ) : null}
      <div className="space-y-1">
        <h1>خدمات من</h1>
        <p className="text-lg">
          {profile.firstName} {profile.lastName}، خوش آمدید.
        </p>
      </div>
      <section aria-labelledby="profile-heading" className="space-y-3">
        <h2 id="profile-heading">مشخصات شما</h2>
        <DefinitionList
          items={[
            { label: "نام و نام خانوادگی", value: `${profile.firstName} ${profile.lastName}` },
            { label: "کد ملی", value: <span dir="ltr">{toPersianDigits(profile.nationalId)}</span> },
            {
              label: "شماره بیمه",
              value: profile.insurance ? <span dir="ltr">{toPersianDigits(profile.insurance.insuranceNumber)}</span> : "ثبت نشده",
            },
            { label: "نوع بیمه", value: profile.insurance ? KIND_LABEL[profile.insurance.kind] : "سابقه بیمه‌ای برای شما ثبت نشده است." },
            { label: "شعبه", value: profile.insurance?.branchName ?? "—" },
            { label: "شماره همراه", value: <span dir="ltr">{toPersianDigits(profile.mobile)}</span> },
            { label: "پست الکترونیک", value: profile.email ?? "ثبت نشده" },
          ]}
        />
      </section>
      <section aria-labelledby="services-heading" className="space-y-3">
        <h2 id="services-heading">خدمات</h2>
        <ul className="grid gap-4 sm:grid-cols-2">
          {SERVICES.map((service) => (
            <li key={service.href} className="rounded border border-brand-100 bg-brand-50 p-5">
              <Link href={service.href} className="text-lg font-bold">
                {service.title}
              </Link>
              <p className="text-muted">{service.body}</p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
