import crypto from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DefinitionList } from "@/components/definition-list";
import { DependentForm } from "@/components/dependents/dependent-form";
import { zNationalId } from "@/lib/schemas/fields";
import { requireStaff } from "@/lib/server/auth/require-staff";
import { getDb } from "@/lib/server/db/prisma";
import { findBranchCitizen } from "@/lib/server/review/find-branch-citizen";
import { canWorkOnFiles } from "@/lib/server/review/staff-access";
import { toPersianDigits } from "@/lib/utils/digits";
import { fileOnBehalfAction } from "../actions";

export const metadata: Metadata = { title: "ثبت حضوری از طرف بیمه‌شده: اضافه کردن فرد تحت پوشش" };

export default async function FileOnBehalfCitizenPage({ params }: { params: Promise<{ citizenNationalId: string }> }) {
  const staff = await requireStaff();
  if (!canWorkOnFiles(staff)) notFound();
  const nationalId = zNationalId.safeParse((await params).citizenNationalId);
  if (!nationalId.success) notFound();
  // Another branch, no account or not insured: all the same, not found.
  const citizen = await findBranchCitizen({ db: await getDb(), staff, nationalId: nationalId.data });
  if (!citizen) notFound();
  const name = `${citizen.firstName} ${citizen.lastName}`;
  const maskedMobile = `${citizen.mobile.slice(0, 4)}***${citizen.mobile.slice(7)}`;

  return (
    <div className="max-w-3xl space-y-6">
      <Link href="/staff/file-on-behalf" className="inline-flex min-h-11 items-center">
        <span aria-hidden="true">→&nbsp;</span>جست‌وجوی بیمه‌شده دیگر
      </Link>
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
            { label: "کد ملی", value: <span dir="ltr">{toPersianDigits(citizen.nationalId)}</span> },
            { label: "شماره همراه", value: <span dir="ltr">{toPersianDigits(maskedMobile)}</span> },
          ]}
        />
        <p className="text-muted">کد رهگیری درخواست به همین شماره همراه پیامک می‌شود.</p>
      </section>
      <DependentForm action={fileOnBehalfAction.bind(null, citizen.nationalId)} submissionId={crypto.randomUUID()} />
    </div>
  );
}
