import Link from "next/link";
import { getCurrentUser } from "@/lib/server/auth/session-cookie";

// While a helper has someone else's file open, every account page says whose it is.
export default async function AccountLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser();
  const acting = user?.kind === "citizen" ? user.acting : null;
  return (
    <>
      {acting?.status === "active" ? (
        <div role="region" aria-label="پرونده باز" className="mb-6 flex flex-wrap items-center justify-between gap-3 border-s-4 border-brand-700 bg-brand-50 p-4">
          <p className="font-bold">
            پرونده باز: {acting.principalName}. شما به نمایندگی از او کار می‌کنید و هر کاری به نام شما ثبت می‌شود.
          </p>
          <Link href="/account/acting" className="inline-flex min-h-11 items-center font-bold">
            تغییر پرونده
          </Link>
        </div>
      ) : null}
      {children}
    </>
  );
}
