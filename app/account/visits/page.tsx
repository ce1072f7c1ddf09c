import type { Metadata } from "next";
import Link from "next/link";
import { VisitBooking } from "@/components/visits/visit-booking";
import { requireOwnAccount } from "@/lib/server/auth/require-citizen";
import { getDb } from "@/lib/server/db/prisma";
import { loadVisitBooking } from "@/lib/server/visits/load-visit-booking";
import { bookMyVisitAction, cancelMyVisitAction, moveMyVisitAction } from "./actions";

export const metadata: Metadata = { title: "نوبت مراجعه به شعبه" };

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

export default async function MyVisitsPage({ searchParams }: { searchParams: Promise<{ branch?: string | string[]; m?: string | string[] }> }) {
  const user = await requireOwnAccount();
  const { branch, m } = await searchParams;
  const booking = await loadVisitBooking({ db: await getDb(), nationalId: user.nationalId, branch: one(branch) });
  return (
    <div className="max-w-3xl space-y-6">
      <p>
        <Link href="/account">خدمات من</Link>
      </p>
      <h1>نوبت مراجعه به شعبه</h1>
      <p>
        برای کاری که باید حضوری انجام شود، روز و ساعت مراجعه را رزرو کنید. زمان، نشانی و مدارک لازم با پیامک برای شما فرستاده می‌شود و یک روز پیش
        از مراجعه یادآوری می‌شود.
      </p>
      <VisitBooking pagePath="/account/visits" message={one(m)} {...booking} bookAction={bookMyVisitAction} moveAction={moveMyVisitAction} cancelAction={cancelMyVisitAction} />
    </div>
  );
}
