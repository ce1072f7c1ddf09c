import crypto from "node:crypto";
import type { Metadata } from "next";
import { BackLink } from "@/components/back-link";
import { DependentForm } from "@/components/dependents/dependent-form";
import { requireCitizenFile } from "@/lib/server/auth/require-citizen";
import { dependentAction } from "./actions";

export const metadata: Metadata = { title: "اضافه کردن فرد جدید تحت پوشش" };

export default async function NewDependentPage() {
  await requireCitizenFile("ENROL_DEPENDENTS");
  return (
    <div className="max-w-3xl space-y-6">
      <BackLink href="/account/dependents">افراد تحت تکفل</BackLink>
      <h1>اضافه کردن فرد جدید تحت پوشش</h1>
      <p>
        همسر، فرزند، پدر یا مادر خود را تحت پوشش بیمه قرار دهید. ابتدا مشخصات او از سازمان ثبت احوال دریافت می‌شود؛ سپس مدارک لازم را پیوست
        می‌کنید. پس از ثبت، کد رهگیری برایتان پیامک می‌شود و کارشناس شعبه درخواست را بررسی می‌کند.
      </p>
      <DependentForm action={dependentAction} submissionId={crypto.randomUUID()} uploadUrl="/account/uploads" />
    </div>
  );
}
