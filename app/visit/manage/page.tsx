import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { VisitBooking } from "@/components/visits/visit-booking";
import { getDb } from "@/lib/server/db/prisma";
import { loadVisitBooking } from "@/lib/server/visits/load-visit-booking";
import { lookedUpVisitBooker } from "@/lib/server/visits/visit-bookers";
import { readVisitTicket } from "@/lib/server/visits/visit-ticket";
import { bookLookedUpVisitAction, cancelLookedUpVisitAction, moveLookedUpVisitAction } from "../actions";

export const metadata: Metadata = { title: "نوبت مراجعه شما" };

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

// Only after the SMS code of this browser's look-up (the signed, short-lived cookie).
export default async function ManageVisitPage({ searchParams }: { searchParams: Promise<{ branch?: string | string[]; m?: string | string[] }> }) {
  const ticket = await readVisitTicket();
  if (!ticket?.confirmed) redirect("/visit");
  const db = await getDb();
  const booker = await lookedUpVisitBooker({ db, visitId: ticket.visitId });
  if (!booker) redirect("/visit");
  const { branch, m } = await searchParams;
  const booking = await loadVisitBooking({ db, nationalId: booker.nationalId, branch: one(branch) });
  return (
    <div className="max-w-3xl space-y-6">
      <h1>نوبت مراجعه شما</h1>
      <VisitBooking
        pagePath="/visit/manage"
        message={one(m)}
        {...booking}
        bookAction={bookLookedUpVisitAction}
        moveAction={moveLookedUpVisitAction}
        cancelAction={cancelLookedUpVisitAction}
      />
    </div>
  );
}
