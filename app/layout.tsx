import type { Metadata, Viewport } from "next";
import { Suspense } from "react";
import { FocusHeadingOnNavigation } from "@/components/focus-heading-on-navigation";
import { SiteFooter } from "@/components/site-footer";
import { SiteHeader } from "@/components/site-header";
import { getCurrentUser } from "@/lib/server/auth/session-cookie";
import { signOutAction } from "./actions/sign-out";
import { vazirmatn } from "./fonts";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "سامانه خدمات غیرحضوری تأمین اجتماعی", template: "%s | سامانه خدمات غیرحضوری تأمین اجتماعی" },
  description: "ثبت‌نام بیمه‌شدگان و مستمری‌بگیران، نام‌نویسی افراد تحت تکفل و پیگیری درخواست‌ها بدون مراجعه به شعبه",
  // public/manifest.webmanifest: the name, colours and icons when the portal is added to a phone's home screen.
  manifest: "/manifest.webmanifest",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#06395a" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const user = await getCurrentUser();
  return (
    <html lang="fa" dir="rtl" className={vazirmatn.variable}>
      <body className="flex min-h-screen flex-col font-sans">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:start-2 focus:top-2 focus:z-50 focus:bg-white focus:p-3 print:hidden"
        >
          پرش به محتوای اصلی
        </a>
        <SiteHeader user={user ? { displayName: user.displayName, kind: user.kind } : null} signOutAction={signOutAction} />
        <main id="main" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-8">
          {children}
        </main>
        <SiteFooter />
        {/* Reads the address (useSearchParams), so it renders in the browser only: a boundary keeps the page itself on the server. */}
        <Suspense fallback={null}>
          <FocusHeadingOnNavigation />
        </Suspense>
      </body>
    </html>
  );
}
