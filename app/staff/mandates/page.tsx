import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BackLink } from "@/components/back-link";
import { MandateAtBranchForm } from "@/components/mandates/mandate-at-branch-form";
import { requireStaff } from "@/lib/server/auth/require-staff";
import { canWorkOnFiles } from "@/lib/server/review/staff-access";
import { recordMandateAction } from "./actions";

export const metadata: Metadata = { title: "ثبت نمایندگی در شعبه" };

export default async function MandateAtBranchPage() {
  const staff = await requireStaff();
  if (!canWorkOnFiles(staff)) notFound();
  return (
    <div className="max-w-3xl space-y-6">
      <BackLink href="/staff">میز کار کارکنان</BackLink>
      <h1>ثبت نمایندگی در شعبه</h1>
      <p>
        وقتی بیمه‌شده یا مستمری‌بگیری همراه یکی از اعضای خانواده به شعبه آمده و می‌خواهد او کارهایش را در سامانه انجام دهد، پس از دیدن کارت
        ملی یا شناسنامه هر دو نفر نمایندگی را اینجا ثبت کنید. هر دو باید در سامانه حساب کاربری داشته باشند. نمایندگی بی‌درنگ فعال می‌شود، به
        بیمه‌شده پیامک می‌شود و ثبت آن به نام شما در سابقه پرونده او می‌ماند.
      </p>
      <MandateAtBranchForm action={recordMandateAction} />
    </div>
  );
}
