import type { Metadata } from "next";
import Link from "next/link";
import { VisitBooking } from "@/components/visits/visit-booking";
import { requireCitizenFile } from "@/lib/server/auth/require-citizen";
import { getDb } from "@/lib/server/db/prisma";
import { recordMandateUse } from "@/lib/server/mandates/record-mandate-use";
import { loadVisitBooking } from "@/lib/server/visits/load-visit-booking";
import { bookMyVisitAction, cancelMyVisitAction, moveMyVisitAction } from "./actions";

export const metadata: Metadata = { title: "نوبت مراجعه به شعبه" };

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

export default async function MyVisitsPage({ searchParams }: { searchParams: Promise<{ branch?: string | string[]; m?: string | string[] }> }) {
  // The open file's visit: a helper's mandate must cover BOOK_VISITS (docs/decisions/020).
  const { owner, helper } = await requireCitizenFile("BOOK_VISITS");
  const { branch, m } = await searchParams;
  const db = await getDb();
  const booking = await loadVisitBooking({ db, nationalId: owner.nationalId, branch: one(branch) });
  await recordMandateUse(db, helper, "VIEW_VISITS");
  return (
    <div className="max-w-3xl space-y-6">
      <p>
        <Link href="/account">خدمات من</Link>
      </p>
      <h1>نوبت مراجعه به شعبه</h1>
      {helper ? (
        <p>
          برای کاری که {owner.displayName} باید حضوری انجام دهد، روز و ساعت مراجعه او را رزرو کنید. زمان، نشانی و مدارک لازم با پیامک به تلفن همراه
          خود او فرستاده می‌شود و یک روز پیش از مراجعه یادآوری می‌شود.
        </p>
      ) : (
        <p>
          برای کاری که باید حضوری انجام شود، روز و ساعت مراجعه را رزرو کنید. زمان، نشانی و مدارک لازم با پیامک برای شما فرستاده می‌شود و یک روز پیش
          از مراجعه یادآوری می‌شود.
        </p>
      )}
      <VisitBooking
        pagePath="/account/visits"
        message={one(m)}
        {...booking}
        bookAction={bookMyVisitAction}
        moveAction={moveMyVisitAction}
        cancelAction={cancelMyVisitAction}
        forPerson={helper ? owner.displayName : undefined}
      />
    </div>
  );
}
