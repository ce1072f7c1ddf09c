import type { Metadata } from "next";
import Link from "next/link";
import { DefinitionList } from "@/components/definition-list";
import { getCitizenProfile } from "@/lib/server/accounts/get-citizen-profile";
import type { MandateScope } from "@/lib/domain/mandates";
import { requireCitizenFile } from "@/lib/server/auth/require-citizen";
import { getDb } from "@/lib/server/db/prisma";
import { toPersianDigits } from "@/lib/utils/digits";

export const metadata: Metadata = { title: "خدمات من" };

const KIND_LABEL = { INSURED: "بیمه‌شده", PENSIONER: "مستمری‌بگیر" } as const;

// The services that exist; each later service adds its entry here. `scope`: what
// a helper's mandate must cover to see it on a principal's file; none: own account only.
const SERVICES: { href: string; title: string; body: string; scope?: MandateScope }[] = [
  { href: "/account/requests", scope: "VIEW", title: "درخواست‌های من", body: "وضعیت درخواست‌ها و پرسش‌هایتان، موعد پاسخ و رسید آن‌ها را ببینید یا پرسش تازه‌ای ثبت کنید." },
  { href: "/account/dependents", scope: "VIEW", title: "افراد تحت تکفل", body: "همسر، فرزندان و پدر و مادری که تحت پوشش بیمه شما هستند را ببینید یا فرد تازه‌ای اضافه کنید." },
  { href: "/account/visits", scope: "BOOK_VISITS", title: "نوبت مراجعه به شعبه", body: "برای کاری که حضوری است، روز و ساعت مراجعه به شعبه را رزرو، جابه‌جا یا لغو کنید." },
  { href: "/account/messages", scope: "VIEW", title: "پیام‌ها", body: "پیامک‌هایی که سامانه درباره حساب و درخواست‌هایتان فرستاده است." },
  { href: "/account/mandates", title: "نمایندگی", body: "یکی از اعضای خانواده را نماینده خود کنید تا با حساب خودش کارهای شما را انجام دهد، یا نماینده کسی شوید." },
  { href: "/account/file-views", title: "چه کسانی پرونده من را دیده‌اند", body: "هر بار که کارکنان شعبه پرونده یا مدارک شما را دیده‌اند یا درباره آن تصمیم گرفته‌اند، اینجا ثبت شده است." },
  { href: "/account/password", title: "تغییر گذرواژه", body: "گذرواژه ورود به سامانه را عوض کنید." },
  { href: "/account/email", title: "پست الکترونیک", body: "نشانی ایمیل خود را ثبت و تأیید کنید تا اطلاع‌رسانی‌ها با ایمیل هم برسد، یا آن را قطع کنید." },
  { href: "/account/security", title: "ورود دومرحله‌ای", body: "ورود با کد برنامه احراز هویت روی گوشی، علاوه بر گذرواژه (اختیاری)." },
];

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ password?: string; notAllowed?: string }> }) {
  const { owner, helper } = await requireCitizenFile(null);
  const profile = await getCitizenProfile({ db: await getDb(), accountId: owner.accountId });
  const { password, notAllowed } = await searchParams;
  // On a principal's file: what the mandate covers (filing is reached from the lists it allows).
  const services = helper ? SERVICES.filter((service) => service.scope && helper.scopes.includes(service.scope)) : SERVICES;
  const extra = helper
    ? [
        ...(helper.scopes.includes("FILE_QUESTIONS") ? [{ href: "/account/requests/new", title: "ثبت پرسش", body: "پرسش یا درخواستی به نام او ثبت کنید." }] : []),
        ...(helper.scopes.includes("ENROL_DEPENDENTS")
          ? [{ href: "/account/dependents/new", title: "اضافه کردن فرد جدید تحت پوشش", body: "یکی از اعضای خانواده او را زیر پوشش بیمه‌اش ببرید." }]
          : []),
      ]
    : [];
  return (
    <div className="space-y-8">
      {notAllowed ? (
        <p role="alert" className="border-s-4 border-danger bg-brand-50 p-4 font-bold">
          نمایندگی شما این کار را در بر نمی‌گیرد. فقط کارهایی را که در این صفحه آمده است می‌توانید برای او انجام دهید.
        </p>
      ) : null}
      {password === "changed" ? (
        <p role="status" className="border-s-4 border-success bg-brand-50 p-4 font-bold">
          گذرواژه شما تغییر کرد. ورود شما در دستگاه‌های دیگر بسته شد.
        </p>
      ) : null}
      <div className="space-y-1">
        <h1>{helper ? `خدمات ${profile.firstName} ${profile.lastName}` : "خدمات من"}</h1>
        <p className="text-lg">
          {helper ? `${helper.displayName}، شما به نمایندگی از ${profile.firstName} ${profile.lastName} کار می‌کنید.` : `${profile.firstName} ${profile.lastName}، خوش آمدید.`}
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
            {
              label: "پست الکترونیک",
              value: profile.email ? (
                <>
                  <span dir="ltr" className="break-all">
                    {profile.email}
                  </span>
                  {profile.emailVerifiedAt ? null : " (در انتظار تأیید)"}
                </>
              ) : (
                "ثبت نشده"
              ),
            },
          ]}
        />
      </section>
      <section aria-labelledby="services-heading" className="space-y-3">
        <h2 id="services-heading">خدمات</h2>
        <ul className="grid gap-4 sm:grid-cols-2">
          {[...services, ...extra].map((service) => (
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
