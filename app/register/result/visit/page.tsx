import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { VisitBooking } from "@/components/visits/visit-booking";
import { getDb } from "@/lib/server/db/prisma";
import { currentDraft } from "@/lib/server/registration/draft-cookie";
import { loadVisitBooking } from "@/lib/server/visits/load-visit-booking";
import { refusedRegistrationBooker } from "@/lib/server/visits/visit-bookers";
import { bookRefusedVisitAction, cancelRefusedVisitAction, moveRefusedVisitAction } from "./actions";

export const metadata: Metadata = { title: "رزرو نوبت مراجعه به شعبه" };

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

// For a person refused at registration: no account, so the registration's own
// cookie (its verified national ID and mobile) says who they are (docs/decisions/019).
export default async function RefusedVisitPage({ searchParams }: { searchParams: Promise<{ branch?: string | string[]; m?: string | string[] }> }) {
  const db = await getDb();
  const booker = await refusedRegistrationBooker({ db, draft: await currentDraft() });
  if (!booker) redirect("/register/result");
  const { branch, m } = await searchParams;
  const booking = await loadVisitBooking({ db, nationalId: booker.nationalId, branch: one(branch) });
  return (
    <div className="max-w-3xl space-y-6">
      <h1>رزرو نوبت مراجعه به شعبه</h1>
      <p>
        برای بررسی ثبت‌نام، با مدارک هویتی به شعبه تأمین اجتماعی مراجعه کنید. با رزرو نوبت، در روز و ساعت انتخابی بدون انتظار پذیرفته می‌شوید.
        زمان، نشانی و مدارک لازم با پیامک برای شماره همراهی که در ثبت‌نام تأیید کردید فرستاده می‌شود و یک روز پیش از مراجعه یادآوری می‌شود.
      </p>
      <VisitBooking
        pagePath="/register/result/visit"
        message={one(m)}
        {...booking}
        bookAction={bookRefusedVisitAction}
        moveAction={moveRefusedVisitAction}
        cancelAction={cancelRefusedVisitAction}
      />
      <p>
        بعدها نوبت را با کد رهگیری نوبت، کد ملی و کدی که پیامک می‌شود در <Link href="/visit">پیگیری نوبت مراجعه</Link> می‌بینید و می‌توانید جابه‌جا یا
        لغو کنید.
      </p>
      <p>
        <Link href="/register/result">بازگشت به نتیجه ثبت‌نام</Link>
      </p>
    </div>
  );
}
