import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { DefinitionList } from "@/components/definition-list";
import { getCitizenProfile } from "@/lib/server/accounts/get-citizen-profile";
import { getCurrentUser } from "@/lib/server/auth/session-cookie";
import { getDb } from "@/lib/server/db/prisma";
import { toPersianDigits } from "@/lib/utils/digits";

export const metadata: Metadata = { title: "پیشخوان" };

const KIND_LABEL = { INSURED: "بیمه‌شده", PENSIONER: "مستمری‌بگیر" } as const;

export default async function AccountPage() {
  const user = await getCurrentUser();
  if (!user || user.kind !== "citizen") redirect("/login");
  const profile = await getCitizenProfile({ db: await getDb(), accountId: user.accountId });
  return (
    <div className="space-y-6">
      <h1>پیشخوان {profile.firstName} {profile.lastName}</h1>
      <section aria-labelledby="profile-heading" className="space-y-3">
        <h2 id="profile-heading">مشخصات شما</h2>
        <DefinitionList
          items={[
            { label: "کد ملی", value: <span dir="ltr">{toPersianDigits(profile.nationalId)}</span> },
            { label: "شماره همراه", value: <span dir="ltr">{toPersianDigits(profile.mobile)}</span> },
            { label: "پست الکترونیک", value: profile.email ?? "ثبت نشده" },
            {
              label: "سابقه بیمه",
              value: profile.insurance
                ? `${KIND_LABEL[profile.insurance.kind]}، شماره بیمه ${toPersianDigits(profile.insurance.insuranceNumber)}، ${profile.insurance.branchName}`
                : "سابقه بیمه‌ای برای شما ثبت نشده است.",
            },
          ]}
        />
      </section>
    </div>
  );
}
