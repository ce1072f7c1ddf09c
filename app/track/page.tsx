import type { Metadata } from "next";
import { TrackForm } from "@/components/requests/track-form";
import { formatTrackingCode, parseTrackingCode } from "@/lib/utils/tracking-code";
import { lookupRequestStatusAction } from "./actions";

export const metadata: Metadata = { title: "پیگیری درخواست با کد رهگیری" };

// Public on purpose: no sign-in. The action limits attempts per network.
// `?code=` (the receipt's QR code) fills in the tracking code; never a national ID.
export default async function TrackPage({ searchParams }: { searchParams: Promise<{ code?: string | string[] }> }) {
  const { code } = await searchParams;
  const trackingCode = typeof code === "string" ? parseTrackingCode(code) : null;
  return (
    <div className="max-w-2xl space-y-6">
      <h1>پیگیری درخواست با کد رهگیری</h1>
      <p>
        کد رهگیری درخواست و کد ملی متقاضی را بنویسید تا وضعیت درخواست و موعد پاسخ آن را ببینید. برای این کار لازم نیست وارد
        سامانه شوید. رقم‌ها را می‌توانید فارسی یا انگلیسی، با فاصله یا خط تیره بنویسید.
      </p>
      <TrackForm action={lookupRequestStatusAction} initialTrackingCode={trackingCode ? formatTrackingCode(trackingCode) : undefined} />
    </div>
  );
}
