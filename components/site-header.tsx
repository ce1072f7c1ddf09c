import Link from "next/link";

export type HeaderUser = { displayName: string; kind: "citizen" | "staff" } | null;

export function SiteHeader({ user, signOutAction }: { user: HeaderUser; signOutAction?: () => Promise<void> }) {
  return (
    <header className="border-b-4 border-brand-600 bg-brand-800 text-white print:hidden">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="flex min-h-11 flex-col justify-center text-white no-underline hover:text-white">
          <span className="text-lg font-bold leading-tight">سازمان تأمین اجتماعی</span>
          <span className="text-sm leading-tight text-brand-100">سامانه خدمات غیرحضوری</span>
        </Link>
        <nav aria-label="حساب کاربری">
          {user ? (
            <div className="flex flex-wrap items-center gap-3">
              <span>
                <span className="sr-only">وارد شده به نام </span>
                {user.displayName}
              </span>
              {signOutAction ? (
                <form action={signOutAction}>
                  <button
                    type="submit"
                    className="min-h-11 rounded border-2 border-white px-4 font-bold text-white hover:bg-brand-700"
                  >
                    خروج
                  </button>
                </form>
              ) : null}
            </div>
          ) : (
            <ul className="flex flex-wrap items-center gap-3">
              <li>
                <Link href="/login" className="inline-flex min-h-11 items-center px-2 font-bold text-white hover:text-brand-100">
                  ورود
                </Link>
              </li>
              <li>
                <Link
                  href="/register"
                  className="inline-flex min-h-11 items-center rounded bg-white px-4 font-bold text-brand-800 no-underline hover:bg-brand-50 hover:text-brand-800"
                >
                  ثبت‌نام
                </Link>
              </li>
            </ul>
          )}
        </nav>
      </div>
    </header>
  );
}
