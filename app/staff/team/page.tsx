import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BackLink } from "@/components/back-link";
import { requireStaff } from "@/lib/server/auth/require-staff";
import { getDb } from "@/lib/server/db/prisma";
import { listManagedStaff } from "@/lib/server/staff/list-managed-staff";
import { canSeeStaffList } from "@/lib/server/staff/staff-accounts-policy";
import { toPersianDigits } from "@/lib/utils/digits";
import { formatTehranDateTime } from "@/lib/utils/jalali";
import { resetSecondFactorAction, unlockStaffAction } from "./actions";

export const metadata: Metadata = { title: "کارکنان شعبه" };

const ROLE_LABEL = { OFFICER: "کارشناس", BRANCH_HEAD: "رئیس شعبه", ADMIN: "مدیر سامانه" } as const;

export default async function StaffTeamPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireStaff();
  if (!canSeeStaffList(user)) notFound();
  const staff = await listManagedStaff({ db: await getDb(), actor: user });
  const { done, staff: doneFor } = await searchParams;
  const who = staff.find((member) => member.id === doneFor)?.name;
  return (
    <div className="space-y-6">
      <BackLink href="/staff">میز کار کارکنان</BackLink>
      <h1>کارکنان شعبه</h1>
      <p>
        ورود کارکنان دومرحله‌ای است. اگر کسی گوشی یا برنامه احراز هویت خود را از دست داده، ورود دومرحله‌ای او را
        بازنشانی کنید تا در ورود بعدی آن را دوباره فعال کند. اگر ورود حسابی به دلیل تلاش‌های ناموفق از چند شبکه بسته شده
        است، پس از اطمینان از این‌که خود او پشت میز است، قفل را باز کنید. هر دو کار ثبت می‌شود.
      </p>
      {who && (done === "reset" || done === "unlocked") ? (
        <p role="status" className="rounded border-2 border-success p-4 font-bold">
          {done === "reset" ? `ورود دومرحله‌ای ${who} بازنشانی شد و همه ورودهای او بسته شد.` : `قفل ورود ${who} باز شد.`}
        </p>
      ) : null}
      {staff.length === 0 ? (
        <p>کارمندی نیست که بتوانید حساب او را مدیریت کنید.</p>
      ) : (
        <ul className="space-y-4" aria-label="حساب‌های کارکنان">
          {staff.map((member) => (
            <li key={member.id} className="space-y-2 rounded border border-brand-100 p-4">
              <h2 className="text-lg">
                {member.name} <span className="font-normal text-muted">({ROLE_LABEL[member.role]}، کد پرسنلی <span dir="ltr">{toPersianDigits(member.personnelCode)}</span>{member.branchName ? `، ${member.branchName}` : ""})</span>
              </h2>
              <p>ورود دومرحله‌ای: {member.secondFactor ? "فعال" : "هنوز فعال نشده (در ورود بعدی فعال می‌کند)"}</p>
              {member.lockedUntil ? (
                <p className="font-bold text-danger">ورود این حساب تا {formatTehranDateTime(member.lockedUntil)} بسته است (تلاش‌های ناموفق از چند شبکه).</p>
              ) : null}
              {member.alerts.length > 0 ? (
                <p>
                  هشدار: تلاش‌های ناموفق پیاپی برای ورود به این حساب در{" "}
                  {member.alerts.map((alert) => formatTehranDateTime(alert.at)).join("، ")}.
                </p>
              ) : null}
              <div className="flex flex-wrap gap-3">
                {member.secondFactor ? (
                  <form action={resetSecondFactorAction}>
                    <input type="hidden" name="staffId" value={member.id} />
                    <button type="submit" className="min-h-11 rounded border-2 border-brand-700 px-4 font-bold">
                      بازنشانی ورود دومرحله‌ای {member.name}
                    </button>
                  </form>
                ) : null}
                {member.lockedUntil ? (
                  <form action={unlockStaffAction}>
                    <input type="hidden" name="staffId" value={member.id} />
                    <button type="submit" className="min-h-11 rounded border-2 border-brand-700 px-4 font-bold">
                      باز کردن قفل ورود {member.name}
                    </button>
                  </form>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
