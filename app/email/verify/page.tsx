import type { Metadata } from "next";
import Link from "next/link";
import { SubmitButton } from "@/components/forms/submit-button";
import { getDb } from "@/lib/server/db/prisma";
import { inspectEmailLink, type ConfirmEmailResult } from "@/lib/server/email/confirm-email";
import { confirmEmailAction } from "./actions";

export const metadata: Metadata = { title: "تأیید پست الکترونیک", referrer: "no-referrer", robots: { index: false } };

const PROBLEM: Record<Extract<ConfirmEmailResult, { ok: false }>["reason"], string> = {
  unknown: "این پیوند تأیید معتبر نیست. شاید کامل کپی نشده باشد، یا پیوند تازه‌تری برای شما فرستاده شده باشد.",
  expired: "مهلت این پیوند تأیید (یک روز) گذشته است.",
  used: "این پیوند پیش‌تر به کار رفته است و دوباره کار نمی‌کند.",
  "address-changed": "نشانی پست الکترونیک حساب پس از فرستادن این پیوند تغییر کرده است؛ این پیوند دیگر کار نمی‌کند.",
};

export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token, done, error } = await searchParams;
  type View = { kind: "done" } | { kind: "problem"; text: string } | { kind: "ready"; email: string; token: string };
  let view: View;
  if (typeof done === "string") view = { kind: "done" };
  else if (typeof error === "string" && error in PROBLEM) view = { kind: "problem", text: PROBLEM[error as keyof typeof PROBLEM] };
  else if (typeof token === "string" && token) {
    const link = await inspectEmailLink({ db: await getDb(), token });
    view = link.ok ? { kind: "ready", email: link.email, token } : { kind: "problem", text: PROBLEM[link.reason] };
  } else view = { kind: "problem", text: PROBLEM.unknown };
  return (
    <div className="max-w-2xl space-y-6">
      <h1>تأیید پست الکترونیک</h1>
      {view.kind === "done" ? (
        <>
          <p role="status" className="rounded border-2 border-success p-4 font-bold">
            نشانی پست الکترونیک شما تأیید شد. از این پس اطلاع‌رسانی‌ها با ایمیل هم فرستاده می‌شود.
          </p>
          <p>
            <Link href="/account/email">پست الکترونیک در خدمات من</Link>
          </p>
        </>
      ) : view.kind === "problem" ? (
        <>
          <p role="alert" className="rounded border-2 border-danger p-4 font-bold">
            {view.text}
          </p>
          <p>
            برای پیوند تازه، وارد سامانه شوید و در «خدمات من»، «پست الکترونیک» را باز کنید: <Link href="/account/email">پست الکترونیک</Link>
          </p>
        </>
      ) : (
        <form action={confirmEmailAction} className="space-y-4">
          <p>
            برای تأیید نشانی{" "}
            <span dir="ltr" className="font-bold break-all">
              {view.email}
            </span>{" "}
            دکمه زیر را بزنید.
          </p>
          <input type="hidden" name="token" value={view.token} />
          <SubmitButton>تأیید پست الکترونیک</SubmitButton>
        </form>
      )}
    </div>
  );
}
