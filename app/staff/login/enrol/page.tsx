import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthenticatorSetup } from "@/components/second-factor/authenticator-setup";
import { EnrolForm } from "@/components/second-factor/enrol-form";
import { getCurrentUser } from "@/lib/server/auth/session-cookie";
import { getDb } from "@/lib/server/db/prisma";
import { authenticatorQrSvg } from "@/lib/server/second-factor/authenticator-qr";
import { readChallenge } from "@/lib/server/second-factor/challenge-cookie";
import { pendingEnrolment } from "@/lib/server/second-factor/enrolment";
import { staffEnrolAction } from "../actions";

export const metadata: Metadata = { title: "ورود کارکنان: فعال‌سازی ورود دومرحله‌ای" };

const intro = (
  <>
    <h1>فعال‌سازی ورود دومرحله‌ای</h1>
    <p>
      کارکنان به پرونده‌های شخصی بسیاری از مردم دسترسی دارند؛ برای همین ورود آن‌ها علاوه بر گذرواژه، کدی از برنامه احراز
      هویت روی گوشی خودشان می‌خواهد. این کار را یک بار انجام می‌دهید.
    </p>
  </>
);

export default async function StaffEnrolPage() {
  const challenge = await readChallenge();
  if (!challenge || challenge.subject.kind !== "STAFF") {
    // Just enrolled: the action ended the challenge and signed in, and Next renders the page
    // again for the changed cookies. The form keeps its answer (the recovery codes, shown
    // once), so the page stays, with the form in the same place, rather than moving on.
    if ((await getCurrentUser())?.kind === "staff") {
      return (
        <div className="max-w-2xl space-y-6">
          {intro}
          {null}
          <EnrolForm action={staffEnrolAction} continueHref="/staff" continueLabel="ادامه به میز کار" />
        </div>
      );
    }
    redirect("/staff/login");
  }
  const db = await getDb();
  const staff = await db.staffAccount.findUniqueOrThrow({ where: { id: challenge.subject.staffId }, select: { personnelCode: true } });
  const enrolment = await pendingEnrolment({ db, subject: challenge.subject, account: `کارکنان ${staff.personnelCode}` });
  if (!enrolment) redirect("/staff/login/code");
  return (
    <div className="max-w-2xl space-y-6">
      {intro}
      <AuthenticatorSetup qrSvg={await authenticatorQrSvg(enrolment.uri)} secret={enrolment.secret} />
      <EnrolForm action={staffEnrolAction} continueHref="/staff" continueLabel="ادامه به میز کار" />
    </div>
  );
}
