import type { Metadata } from "next";
import Link from "next/link";
import { BackLink } from "@/components/back-link";
import { SubmitButton } from "@/components/forms/submit-button";
import { requireCitizen } from "@/lib/server/auth/require-citizen";
import { getDb } from "@/lib/server/db/prisma";
import { listOpenableFiles } from "@/lib/server/mandates/open-file";
import { toPersianDigits } from "@/lib/utils/digits";
import { formatJalaliForDisplay, gregorianToJalali } from "@/lib/utils/jalali";
import { openFileAction } from "./actions";

export const metadata: Metadata = { title: "پرونده چه کسی باز باشد؟" };

export default async function ActingPage({ searchParams }: { searchParams: Promise<{ ended?: string; own?: string; choose?: string }> }) {
  const user = await requireCitizen();
  const files = await listOpenableFiles({ db: await getDb(), helperId: user.accountId });
  const params = await searchParams;
  const openNow = user.acting?.status === "active" ? user.acting.mandateId : "self";
  return (
    <div className="max-w-3xl space-y-6">
      <BackLink href="/account">خدمات من</BackLink>
      <h1>پرونده چه کسی باز باشد؟</h1>
      {params.ended || user.acting?.status === "ended" ? (
        <p role="alert" className="border-s-4 border-danger bg-brand-50 p-4 font-bold">
          نمایندگی شما برای {user.acting?.principalName || "این فرد"} لغو شده یا پایان یافته است و دیگر به پرونده او دسترسی ندارید.
        </p>
      ) : null}
      {params.own ? (
        <p role="alert" className="border-s-4 border-danger bg-brand-50 p-4 font-bold">
          این بخش فقط برای حساب خود شماست. نخست «پرونده خودم» را باز کنید.
        </p>
      ) : null}
      <form action={openFileAction} className="space-y-4">
        <fieldset className="space-y-2">
          <legend className="text-lg font-bold">پرونده‌ای که می‌خواهید با آن کار کنید</legend>
          <label className="flex min-h-11 items-center gap-3">
            <input type="radio" name="file" value="self" defaultChecked={openNow === "self"} className="size-6" />
            پرونده خودم ({user.displayName})
          </label>
          {files.map((file) => (
            <label key={file.mandateId} className="flex min-h-11 items-center gap-3">
              <input type="radio" name="file" value={file.mandateId} defaultChecked={openNow === file.mandateId} className="size-6" />
              {file.name} (کد ملی {toPersianDigits(file.nationalId)}، تا {formatJalaliForDisplay(gregorianToJalali(file.endsAt))})
            </label>
          ))}
        </fieldset>
        <SubmitButton>باز کردن پرونده</SubmitButton>
      </form>
      {files.length === 0 ? (
        <p>
          شما نماینده کسی نیستید. برای انجام کارهای یکی از اعضای خانواده، از بخش <Link href="/account/mandates">نمایندگی</Link> درخواست دهید.
        </p>
      ) : null}
    </div>
  );
}
