import crypto from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BackLink } from "@/components/back-link";
import { DefinitionList } from "@/components/definition-list";
import { DependentForm } from "@/components/dependents/dependent-form";
import { requireStaff } from "@/lib/server/auth/require-staff";
import { getDb } from "@/lib/server/db/prisma";
import { findBranchApplicant, isLookupUnavailable, type BranchApplicantLookup } from "@/lib/server/review/find-branch-applicant";
import { canWorkOnFiles } from "@/lib/server/review/staff-access";
import { toPersianDigits } from "@/lib/utils/digits";
import { maskMobile } from "@/lib/utils/mobile";
import { fileOnBehalfAction } from "../actions";
import { onBehalfPerson } from "../on-behalf-path";

export const metadata: Metadata = { title: "ثبت حضوری از طرف بیمه‌شده: اضافه کردن فرد تحت پوشش" };

export default async function FileOnBehalfCitizenPage({
  params,
  searchParams,
}: {
  params: Promise<{ citizenNationalId: string }>;
  searchParams: Promise<{ born?: string | string[]; mobile?: string | string[] }>;
}) {
  const staff = await requireStaff();
  if (!canWorkOnFiles(staff)) notFound();
  const person = onBehalfPerson((await params).citizenNationalId, await searchParams);
  if (!person) notFound();
  let lookup: BranchApplicantLookup;
  try {
    lookup = await findBranchApplicant({ db: await getDb(), staff, ...person });
  } catch (error) {
    if (!isLookupUnavailable(error)) throw error;
    return (
      <div className="max-w-3xl space-y-6">
        <h1>ثبت حضوری از طرف بیمه‌شده</h1>
        <p role="alert">سامانه ثبت احوال یا اپراتور تلفن همراه اکنون پاسخ نمی‌دهد. چند دقیقه دیگر این صفحه را دوباره باز کنید.</p>
        <Link href="/staff/file-on-behalf">جست‌وجوی دوباره بیمه‌شده</Link>
      </div>
    );
  }
  // Another branch, not insured or a birth date that does not match: all the same, not found.
  if (!lookup.found) notFound();
  const applicant = lookup.applicant;
  const name = `${applicant.firstName} ${applicant.lastName}`;
  const maskedMobile = applicant.mobile ? maskMobile(applicant.mobile) : null;

  return (
    <div className="max-w-3xl space-y-6">
      <BackLink href="/staff/file-on-behalf">جست‌وجوی بیمه‌شده دیگر</BackLink>
      <h1>اضافه کردن فرد جدید تحت پوشش برای {name}</h1>
      <div className="space-y-2 border-s-4 border-brand-700 bg-brand-50 p-4">
        <p className="text-lg font-bold">ثبت حضوری از طرف بیمه‌شده</p>
        <p>
          این درخواست به نام {name} ثبت می‌شود و در پرونده می‌ماند که شما ({staff.displayName}) آن را در شعبه ثبت کرده‌اید. پرسش‌های فرم را
          از زبان بیمه‌شده پاسخ دهید: هر جا «شما» آمده است، منظور اوست.
        </p>
      </div>
      <section aria-labelledby="citizen-heading" className="space-y-3">
        <h2 id="citizen-heading">بیمه‌شده</h2>
        <DefinitionList
          items={[
            { label: "نام و نام خانوادگی", value: name },
            { label: "کد ملی", value: <span dir="ltr">{toPersianDigits(applicant.nationalId)}</span> },
            { label: "حساب کاربری در سامانه", value: applicant.citizenId ? "دارد" : "ندارد" },
            { label: "شماره همراه", value: maskedMobile ? <span dir="ltr">{toPersianDigits(maskedMobile)}</span> : "داده نشده" },
          ]}
        />
        {maskedMobile ? (
          <p className="text-muted">کد رهگیری درخواست به همین شماره همراه پیامک می‌شود.</p>
        ) : (
          <p className="text-muted">پیامکی فرستاده نمی‌شود: پس از ثبت، کد رهگیری را روی کاغذ به او بدهید.</p>
        )}
        {applicant.citizenId ? null : (
          <p>
            او در سامانه حساب کاربری ندارد: وضعیت درخواست را با کد رهگیری و کد ملی خود در «پیگیری وضعیت درخواست» می‌بیند، و اگر بعدها
            ثبت‌نام کند، درخواست در «درخواست‌های من» او هم دیده می‌شود. مدارک را در همین فرم بارگذاری کنید.
          </p>
        )}
      </section>
      <DependentForm action={fileOnBehalfAction.bind(null, person)} submissionId={crypto.randomUUID()} />
    </div>
  );
}
