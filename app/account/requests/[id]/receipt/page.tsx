import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Fragment } from "react";
import { BackLink } from "@/components/back-link";
import { DefinitionList } from "@/components/definition-list";
import { DOMAIN_LABEL, KIND_LABEL, STATUS_LABEL } from "@/components/requests/labels";
import { PrintButton } from "@/components/requests/print-button";
import { isAppError } from "@/lib/errors";
import { requireCitizenFile } from "@/lib/server/auth/require-citizen";
import { recordMandateUse } from "@/lib/server/mandates/record-mandate-use";
import { getDb } from "@/lib/server/db/prisma";
import { publicBaseUrl } from "@/lib/server/http/public-base-url";
import { getReceipt } from "@/lib/server/requests/get-receipt";
import { trackingQrSvg } from "@/lib/server/requests/tracking-qr";
import { toPersianDigits } from "@/lib/utils/digits";
import { formatJalaliForDisplay, formatTehranDateTime, gregorianToJalali } from "@/lib/utils/jalali";
import { formatTrackingCode } from "@/lib/utils/tracking-code";

export const metadata: Metadata = { title: "رسید درخواست" };

// One A4 sheet; the site's header, footer and this page's own links carry print:hidden.
const PRINT_CSS = "@page { size: A4; margin: 15mm; }";

export default async function RequestReceiptPage({ params }: { params: Promise<{ id: string }> }) {
  const { owner, helper } = await requireCitizenFile("VIEW");
  const { id } = await params;
  const receipt = await getReceipt({ db: await getDb(), citizenId: owner.accountId, requestId: id }).catch((error: unknown) => {
    if (isAppError(error, "NOT_FOUND")) notFound();
    throw error;
  });
  await recordMandateUse(await getDb(), helper, "VIEW_REQUEST", id);
  const code = formatTrackingCode(receipt.trackingCode);
  const qrSvg = await trackingQrSvg({ baseUrl: await publicBaseUrl(), trackingCode: receipt.trackingCode });
  return (
    <div className="max-w-3xl space-y-6 print:max-w-none print:text-black">
      <style href="receipt-print-page" precedence="default">
        {PRINT_CSS}
      </style>
      <div className="flex flex-wrap items-center justify-between gap-4 print:hidden">
        <BackLink href={`/account/requests/${receipt.id}`}>جزئیات درخواست</BackLink>
        <PrintButton>چاپ رسید</PrintButton>
      </div>

      <article aria-labelledby="receipt-heading" className="space-y-6 rounded border-2 border-ink bg-white p-6 print:rounded-none print:border-black print:p-4">
        <div className="flex flex-wrap items-start justify-between gap-6">
          <div className="space-y-1">
            <p className="text-xl font-bold">سازمان تأمین اجتماعی</p>
            <p className="text-muted print:text-black">سامانه خدمات غیرحضوری</p>
            <h1 id="receipt-heading" className="pt-3">
              رسید درخواست
            </h1>
          </div>
          <div
            role="img"
            aria-label={`کد QR پیگیری درخواست ${code}`}
            className="aspect-square w-36 max-w-full shrink-0 bg-white [&>svg]:size-full"
            // Drawn by the qrcode library from the status page's address and the ten digits; it holds no user text.
            dangerouslySetInnerHTML={{ __html: qrSvg }}
          />
        </div>

        <div>
          <p className="font-bold">کد رهگیری</p>
          <p className="text-4xl font-bold tracking-wide">
            {/* A line may break after a hyphen (Unicode keeps a hyphen with the digit after it): at 200 % text the code is wider than a phone. */}
            <span dir="ltr">
              {code.split("-").map((group, i) => (
                <Fragment key={group + i}>
                  {i > 0 ? "-" : null}
                  {i > 0 ? <wbr /> : null}
                  {group}
                </Fragment>
              ))}
            </span>
          </p>
        </div>

        <DefinitionList
          items={[
            { label: "نوع", value: `${KIND_LABEL[receipt.kind]}${receipt.domain ? ` (${DOMAIN_LABEL[receipt.domain]})` : ""}` },
            ...(receipt.subject ? [{ label: "موضوع", value: toPersianDigits(receipt.subject) }] : []),
            { label: "تاریخ و ساعت ثبت", value: formatTehranDateTime(receipt.createdAt) },
            { label: "شعبه", value: receipt.branchName ?? "—" },
            {
              label: "موعد پاسخ",
              value: receipt.dueAt ? formatJalaliForDisplay(gregorianToJalali(receipt.dueAt)) : STATUS_LABEL[receipt.status],
            },
            { label: "متقاضی", value: receipt.applicantName },
            {
              label: "کد ملی (چهار رقم آخر)",
              value: <span dir="ltr">{toPersianDigits(receipt.maskedNationalId)}</span>,
            },
          ]}
        />

        <p>
          به این درخواست حداکثر ظرف {toPersianDigits(receipt.responseWorkingDays)} روز کاری پاسخ داده می‌شود. بر پایه ماده ۱۳
          قانون انتشار و دسترسی آزاد به اطلاعات، پاسخ درخواست‌های حوزه بیمه‌ای حداکثر ظرف ۳ روز کاری، حوزه درمان حداکثر ظرف ۷
          روز کاری و در هر حال حداکثر ظرف ۱۰ روز کاری داده می‌شود. زمانی که درخواست برای تکمیل مدارک به شما برگشت داده شود، در
          این مدت حساب نمی‌شود.
        </p>
        <p className="text-muted print:text-black">
          وضعیت این درخواست را بدون ورود به سامانه، با کد رهگیری و کد ملی در صفحه «پیگیری درخواست» سامانه خدمات غیرحضوری
          ببینید.
        </p>
      </article>
    </div>
  );
}
